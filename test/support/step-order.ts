/**
 * The points a stepwise run holds at, in order, for a lesson at 2 workers and
 * 2 tasks (batch size 1): the lab's test and the page's test hold a run to
 * this one story.
 */
export const TWO_TASK_STEPS = [
  'globals',
  'serialised',
  'installed',
  'installed',
  'running',
  'returned',
  'running',
  'returned',
  'printed',
] as const;
