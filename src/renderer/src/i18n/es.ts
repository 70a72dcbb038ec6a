/** Cada texto de la interfaz, en español: las mismas claves que en.ts. */
import type { Translations } from './en';

export const es: Translations = {
  app: {
    title: 'Isolation Lab',
    tagline: 'Los procesos no comparten memoria',
    language: 'Idioma',
    lessonsNav: 'Lecciones',
    setupRegion: 'La lección y sus controles',
    outcomeRegion: 'Lo que mostró la ejecución',
    hostLine: 'Proceso padre pid {pid} · workers con {backend}',
    watching:
      'Observando: esta pantalla sigue las ejecuciones iniciadas en la otra ventana del laboratorio y no puede iniciar ninguna.',
    connecting: 'Conectando con el laboratorio…',
    connectionFailed: 'No se pudo contactar al laboratorio: {message}',
  },
  sections: {
    globals: 'Variables globales',
    databases: 'Lectura de bases de datos',
    beyond: 'Lo que joblib hace de verdad',
  },
  lessons: {
    'read-global': {
      title: 'Leer una variable global',
      intro:
        'El proceso padre define MY_GLOBAL_VAR = 1.4. Luego cada worker, un proceso distinto con su propia memoria, ejecuta return_global_var(), que devuelve MY_GLOBAL_VAR.',
      why: 'Un worker no puede mirar la memoria del padre. En cambio, joblib envía la función junto con una copia de cada variable global que lee; el worker instala esa copia y la función la lee ahí.',
      takeaway:
        'Resultado de {tasks}: {results}, cada una en un proceso worker propio, a partir de su propia copia de MY_GLOBAL_VAR: mira los pid. Nada se compartió; se copió.',
    },
    'write-global': {
      title: 'Escribir en una variable global',
      intro:
        'change_global_var(n) asigna n a MY_GLOBAL_VAR y la devuelve; cada tarea recibe su propio n.',
      why: 'En Python, asignar un nombre dentro de una función lo vuelve una variable local, así que la función nunca se refiere a la global y no se envía ninguna copia. JavaScript necesita declarar la local con let, como hace el código del worker.',
      takeaway:
        'Resultado de {tasks}: {results}, cada una su propia variable local. El padre sigue teniendo MY_GLOBAL_VAR = {parent}: un worker no puede escribir en la memoria del padre.',
    },
    'change-global': {
      title: 'Modificar una variable global',
      intro:
        'add_to_global_var(n) lee MY_GLOBAL_VAR, le suma n y vuelve a escribir la suma (MY_GLOBAL_VAR += n).',
      why: 'El worker recibe la global como su propia copia de solo lectura (una constante), así que el += falla en el worker.',
      takeaway:
        'El error ocurrió dentro del worker con pid {pid}, en la tarea {task}, y se volvió a lanzar en el padre con la traza del worker. El MY_GLOBAL_VAR del padre sigue valiendo {parent}.',
      languages:
        'Python y JavaScript fallan aquí por razones distintas. Python falla en la lectura: como la función asigna el nombre, Python lo trata como local en toda la función, y esa local aún no tiene valor (UnboundLocalError), con o sin workers. JavaScript falla en la escritura: la copia del worker es una constante. Ninguno podría haber cambiado el valor del padre: aun si la escritura funcionara, solo cambiaría la copia del worker.',
    },
    'full-copy': {
      title: 'Un dataset como global: una copia completa por worker',
      intro:
        'my_global_df contiene los números 0 … filas−1. sum_data(start, end) suma solo su trozo de filas y lee my_global_df como global.',
      why: 'El dataset es una global que la función lee, así que cada worker recibe una copia completa antes de empezar, por pequeño que sea su trozo.',
      takeaway:
        'Las sumas son correctas, pero cada worker recibió el dataset entero ({dataset}), {workers} en total: estuvo en memoria {copies} veces, la copia del padre y una por worker.',
    },
    'partial-read': {
      title: 'Leer solo un trozo de un archivo Excel',
      intro:
        'El padre escribe el dataset en my_database.xlsx. read_and_sum_data(start, end) abre el archivo en el worker y lee sus propias filas.',
      why: 'La función no usa ningún dataset global, así que ninguno viaja con la tarea: cada worker guarda solo las filas de su trozo.',
      takeaway:
        'Las sumas coinciden con la copia completa, pero cada worker guardó solo su trozo, {workers} en total: entre todos guardaron {held}, {times}× el dataset de {dataset}.',
    },
    'global-write': {
      title: 'Un worker modifica su propia copia',
      intro:
        'El padre define MY_GLOBAL_VAR = 1.4. add_to_global_var(n) declara global MY_GLOBAL_VAR, le suma n y la devuelve.',
      why: 'Con global, Python escribe en las globales de la función, y en un worker esas son una copia propia: cloudpickle envía una función del notebook por valor, con una copia nueva de sus globales en cada tarea. Cada tarea parte de 1.4 y suma su n; el padre nunca lo ve. El JavaScript del worker recibe una copia modificable, hecha de nuevo para cada tarea, como hace cloudpickle. Importada desde un módulo, la función modificaría el módulo del worker: prueba el selector, y worker-reuse.',
      takeaway:
        'Resultado de {tasks}: {results}: cada tarea modificó una copia propia. El padre sigue teniendo MY_GLOBAL_VAR = {parent}.',
    },
    'worker-reuse': {
      title: 'Los workers reutilizados recuerdan',
      intro:
        'El padre define CALLS = 0. count_calls(i) declara global CALLS, le suma 1 y devuelve el pid del worker con la cuenta. La función puede estar definida en el notebook o importada desde un módulo.',
      why: 'Una función del notebook viaja por valor, con sus globales, en cada tarea: cada llamada parte de CALLS = 0. Una función importada viaja por referencia: cada worker importa el módulo una vez y conserva sus globales, y loky reutiliza sus workers de una llamada a otra, así que la cuenta de cada worker sigue, también en la siguiente ejecución, hasta que los workers se reinician. El CALLS del padre nunca cambia.',
      takeaway:
        'Resultado de {tasks}: {results}, como (pid, CALLS). El padre sigue teniendo CALLS = {parent}.',
    },
    'shared-memory': {
      title: 'Los hilos comparten memoria (y compiten)',
      intro:
        'El backend threading de joblib ejecuta las tareas en hilos de un solo proceso. Aquí un proceso worker inicia un hilo por tarea (worker_threads de Node); el hilo n ejecuta MY_GLOBAL_VAR += n, suma su trozo de my_global_df guardado una sola vez en un SharedArrayBuffer, y suma 1 a un contador compartido 1.000.000 de veces, con un += simple y con Atomics.add.',
      why: 'Los hilos de Python comparten todas las globales: con el backend threading, el MY_GLOBAL_VAR del propio padre pasa a 2.4. Los hilos de JavaScript no: cada uno es un isolate con sus propias globales, así que += cambió la copia de cada hilo y el hilo principal mantuvo 1.4. Lo que comparten los hilos de JavaScript es un SharedArrayBuffer: una sola copia del dataset que todos los hilos leyeron, y marcas que cada hilo escribió y todos vieron. La memoria compartida trae carreras: un += simple lee, suma y vuelve a escribir, y dos hilos que lo hacen a la vez pierden una suma; Atomics.add lo hace en un solo paso.',
      takeaway:
        'Resultado de {tasks}: {results}; el hilo principal sigue teniendo MY_GLOBAL_VAR = {mainThread}. += simple: {plain} de {expected}; Atomics.add: {atomic}.',
    },
  },
  questions: {
    'shared-memory': {
      prompt:
        '{tasks} en un proceso suman cada una 1 a un contador compartido {increments} veces con un += simple, y luego {increments} veces con Atomics.add. ¿Qué totales salen, frente a {expected}?',
      choices: {
        'both-exact': 'Ambos exactamente {expected}',
        'plain-short': 'Atomics.add exactamente {expected}; el += simple menos',
        'both-short': 'Ambos menos de {expected}',
      },
    },
    'global-write': {
      prompt:
        'El padre define MY_GLOBAL_VAR = 1.4. add_to_global_var(n) declara global MY_GLOBAL_VAR y le suma n, para n = 0 … {last}, en {workers}. ¿Qué pasa?',
      choices: {
        fresh: 'Las tareas devuelven {list}',
        parent: 'El MY_GLOBAL_VAR del padre crece con cada tarea',
        error: 'Una tarea lanza un error en su worker, como en change-global',
      },
    },
    'worker-reuse': {
      prompt:
        'count_calls suma 1 a su global CALLS y la devuelve, como {tasks} en {workers}; la función está definida {where}. ¿Qué cuentas vuelven?',
      choices: {
        ones: '1 en cada tarea',
        'per-worker': '1, 2, 3 … en cada worker, siguiendo desde sus tareas anteriores',
        shared: '1, 2, 3 … {n} en todas las tareas, un solo contador',
      },
      where: { notebook: 'en el notebook', module: 'en un módulo' },
    },
    title: 'Predice y luego ejecuta',
    skip: 'Saltar la pregunta',
    askFirst: 'Responde la pregunta de arriba, o sáltala, para ejecutar.',
    again: 'Preguntar de nuevo',
    revealTitle: 'Tu predicción frente a la ejecución',
    right: 'Correcto: la ejecución muestra tu respuesta.',
    wrong: 'Esta vez no: la ejecución muestra «{answer}».',
    skipped: 'Saltaste la pregunta: la ejecución muestra «{answer}».',
    cannot:
      'Esta ejecución no terminó como termina la lección, así que no puede responder la pregunta.',
    shown: '✓ la ejecución muestra esto',
    yours: 'tu respuesta',
    yoursWrong: '✗ tu respuesta',
    toggle: 'Preguntas',
    toggleTitle: 'Hacer una pregunta antes de ejecutar cada lección',
    presenterHint:
      'Las teclas 1–{n} eligen una respuesta; Enter ejecuta la lección y revela; S salta la pregunta.',
    'read-global': {
      prompt:
        'El padre define MY_GLOBAL_VAR = 1.4 y luego ejecuta return_global_var() como {tasks} en {workers}. ¿Qué muestra print(parallel_results)?',
      choices: {
        copies: '{list}',
        nones: '{list}',
        error: 'Un error: un worker no puede ver las variables del padre',
      },
    },
    'write-global': {
      prompt:
        'El padre ejecuta change_global_var(n) en {workers}, para n = 0 … {last}; cada tarea hace MY_GLOBAL_VAR = n. Después, ¿qué muestra print(MY_GLOBAL_VAR) en el padre?',
      choices: {
        unchanged: '{value}',
        last: '{value}, el último n escrito',
        error: 'Nada: la ejecución lanza un error',
      },
    },
    'change-global': {
      prompt:
        'El padre ejecuta add_to_global_var(n) en {workers}, para n = 0 … {last}: MY_GLOBAL_VAR += n. ¿Qué pasa?',
      choices: {
        adds: 'Las tareas devuelven {list}',
        parent: 'El MY_GLOBAL_VAR del padre crece con cada tarea',
        error: 'Una tarea lanza un error en su worker',
      },
    },
    'full-copy': {
      prompt:
        'El padre divide my_global_df ({rows}, {dataset}) en trozos, y sum_data suma cada uno en {workers}. ¿Cuánto del dataset guardan los workers entre todos?',
      choices: {
        'one-copy': 'unos {bytes} ({times}× el dataset)',
        'copy-each': 'unos {bytes} ({times}× el dataset)',
        'copy-each-and-parent': 'unos {bytes} ({times}× el dataset)',
      },
    },
    'partial-read': {
      prompt:
        'En {workers}, read_and_sum_data lee cada trozo de las {rows} ({dataset}) desde my_database.xlsx. ¿Cuánto del dataset guardan los workers entre todos?',
      choices: {
        'one-copy': 'unos {bytes} ({times}× el dataset)',
        'copy-each': 'unos {bytes} ({times}× el dataset)',
        'copy-each-and-parent': 'unos {bytes} ({times}× el dataset)',
      },
    },
  },
  stream: {
    title: 'Flujo de tareas: qué worker ejecutó cada tarea',
    note: 'Un carril por worker; cada barra es una tarea, desde su inicio hasta su fin en ese worker. Las tareas de un lote comparten un tono; el siguiente lote del carril lleva el otro. Tiempo en ms desde que se envió la primera tarea.',
    bar: 'tarea {task}, lote {batch}: {start}–{end} ms',
    summary: '{tasks} en {workers} en {ms} ms.',
    first: 'El flujo muestra las primeras {shown} de {total} tareas.',
  },
  threads: {
    title: 'Los hilos, en un proceso',
    thread: 'Hilo {n}',
    value: 'su MY_GLOBAL_VAR',
    sum: 'la suma de su trozo',
    seen: 'marcas que vio',
    heap: 'su heap creció',
    shared:
      'Una copia del dataset, {bytes}, en un SharedArrayBuffer que leyeron los {threads} hilos; MY_GLOBAL_VAR del hilo principal después: {value}.',
    race: 'La carrera en un contador compartido, {expected} sumas: += simple {plain} ({lost} perdidas); Atomics.add {atomic}.',
  },
  steps: {
    start: 'Paso a paso',
    startTitle:
      'Ejecutar la lección un paso a la vez: la ejecución espera en cada paso a Siguiente paso',
    next: 'Siguiente paso',
    title: 'Paso a paso',
    holding: 'La ejecución espera aquí. Siguiente paso (o N) la deja seguir.',
    going: 'La ejecución sigue hasta su próximo paso…',
    globals: 'El padre tiene sus globales: {globals}.',
    serialised:
      'joblib serializa {task} con las globales que usa: el código ({code}) y {copies}. Cada worker recibirá {bytes}.',
    serialisedNone:
      'joblib serializa {task}: el código ({code}); no usa ninguna global, así que ninguna copia viaja con él. Cada worker recibirá {bytes}.',
    installed: 'El worker {n} (pid {pid}) recibió su propia copia: {received}.',
    installedNone: 'El worker {n} (pid {pid}) recibió el código, y ninguna global.',
    running: 'El worker {n} (pid {pid}) ejecuta la tarea {task}: {call}.',
    returned: 'El padre recibió los resultados del worker {n}: tarea {results}.',
    printed: 'Llegaron todos los resultados. El padre imprime {printed}.',
  },
  export: {
    title: 'Guardar esta ejecución',
    json: 'Guardar el informe (JSON)',
    print: 'Imprimir un resumen de una página',
    printHint:
      'Para guardar el resumen como archivo, elige «Guardar como PDF» en el diálogo de impresión.',
    summaryTitle: '{app} · {lesson}',
    ranAt: 'Ejecución del {date} · {settings}',
    batch: 'tamaño de lote {batch}',
    chosen: 'Respuesta elegida: {answer}',
    skipped: 'Se saltó la pregunta.',
    notAsked: 'Las preguntas estaban desactivadas en esta ejecución.',
    moreWorkers: '… y {n} workers más, en el informe JSON.',
    chartAlt: 'La memoria de cada proceso durante la ejecución, como en pantalla.',
  },
  joblib: {
    title: 'Lo que joblib hace de verdad',
    'full-copy':
      'joblib no copia los arreglos NumPy grandes: mapea en memoria los de más de 1 MB (max_nbytes="1M"), también cuando son globales de una función del notebook. Con 1.000.000 de filas, el my_global_df["my_data"].values de cada worker es un np.memmap de un solo archivo en /dev/shm; con 100 filas es una copia privada. Medido en estas máquinas con joblib 1.2: una copia completa de 1.048.575 filas (8 MB) en 2 workers los hizo crecer 4,6 y 4,1 MiB (USS). La copia completa del laboratorio es lo que joblib hace con lo que no puede mapear: listas, diccionarios, strings, arreglos de menos de 1 MB. Node no puede mapear una copia en varios procesos sin un complemento nativo; la lección de memoria compartida muestra una copia compartida por hilos.',
    'partial-read':
      'read_excel(…, skiprows=…, nrows=…) de pandas hace que openpyxl analice la hoja entera antes de quedarse con las filas pedidas. Medido en estas máquinas: la mitad de 1.048.575 filas por worker hizo crecer los dos workers 114 y 268 MiB (USS) y tardó 20,6 s, más que la copia completa. Leer solo un trozo ahorra memoria cuando el lector va por partes, como el del laboratorio: un worker crece unos 4 MiB.',
    measured: 'Medido con {command} (bench/anchors).',
  },
  code: {
    python: 'Python, en el notebook',
    module: '# {task} y sus globales están en tasks.py: {line}',
    worker: 'JavaScript, compilado y ejecutado en cada worker',
    workerNote:
      'El código viaja como texto, como cloudpickle envía una función del notebook; cada global que usa se vuelve una const en el worker.',
  },
  controls: {
    definedIn: 'Función definida',
    definedInNotebook: 'en el notebook',
    definedInModule: 'en un módulo (importada)',
    definedInTitle:
      'cloudpickle envía una función del notebook por valor, con sus globales, en cada tarea; una importada, por referencia, al módulo propio del worker',
    restart: 'Reiniciar los workers',
    restartTitle:
      'Terminar todos los workers: la próxima ejecución inicia otros nuevos, con el estado del módulo en cero',
    restarted: 'Se reiniciaron los workers: la próxima ejecución inicia otros nuevos.',
    workers: 'Workers',
    tasks: 'Tareas',
    tasksHint: 'una por worker',
    rows: 'Filas',
    batchSize: 'Tamaño de lote',
    auto: 'auto',
    verbose: 'Verbose',
    timeout: 'Tiempo límite (s)',
    timeoutHint: 'ninguno',
    timeoutTitle:
      'El timeout de joblib: segundos que puede durar cada tarea. Vacío: sin límite, pero un worker en silencio durante 10 s igual termina la ejecución.',
    run: 'Ejecutar',
    running: 'Ejecutando…',
    cancel: 'Cancelar',
    chunkNote:
      'Los trozos difieren en a lo más una fila, así que se cuentan todas. El rows // n_workers del tutorial omitiría {dropped} filas aquí.',
    invalid: 'No se puede ejecutar: {message}',
    watching:
      'Esta pantalla observa: las ejecuciones iniciadas en la otra ventana del laboratorio aparecen aquí mientras ocurren.',
  },
  phases: {
    'preparing-dataset': 'Construyendo my_global_df en el padre',
    'writing-excel': 'Escribiendo my_database.xlsx',
    'starting-workers': 'Iniciando los procesos worker',
    running: 'Los workers ejecutan las tareas',
    measuring: 'Los workers informan su memoria',
    finished: 'Terminado',
    cancelledDuring:
      'Cancelado durante: {phase}. La ejecución no terminó, así que no muestra resultados ni cifras.',
    holding: 'En pausa hasta el siguiente paso',
  },
  phasesShort: {
    'preparing-dataset': 'dataset',
    'writing-excel': 'escritura del archivo Excel',
    'starting-workers': 'inicio de workers',
    running: 'tareas: copias enviadas, trozos leídos',
    measuring: 'medición',
    finished: 'fin',
  },
  progress: {
    excel: 'my_database.xlsx: {written} de {total} filas escritas',
    read: 'tarea {task}: {read} de {wanted} filas leídas',
  },
  map: {
    title: 'Mapa de procesos',
    hint: 'Cada caja es un proceso distinto del sistema operativo, con su propia memoria.',
    main: 'Proceso padre',
    worker: 'Worker {n}',
    kill: 'Matar',
    killLabel: 'Matar el worker {n} (pid {pid}) con SIGKILL',
    ended: 'Su proceso terminó {how}.',
    killedByLab: 'El laboratorio lo mató: superó su tiempo o dejó de responder.',
    pid: 'pid {pid}',
    globals: 'Sus globales',
    received: 'Copias que recibió',
    dataframe: 'DataFrame de {rows} filas × 1 columna ({size})',
    memory: 'Guarda {held} del dataset; su memoria creció {growth} ({figure}).',
    memorySmall:
      'Su propia administración ({overhead} además de los datos) pesa más que los datos que guarda.',
    memoryTryMore: 'Prueba con {rows} para ver que dominan los datos.',
    read: 'Leyó {compressed} de los {sheetCompressed} que ocupa la hoja en el archivo ({share}) y descomprimió {uncompressed}, desde la fila {row}.',
    crcVerified: 'Cada byte que descomprimió coincidió con su suma de verificación CRC-32.',
    crcNotReached:
      'Se detuvo antes de poder comparar una suma de verificación: un archivo que no escribió el laboratorio no tiene índice de puntos de control.',
    receivedNone: 'ninguna: la función no usa globales',
    waitingCopies: 'esperando el código…',
    tasks: 'Tareas que ejecutó',
    noTasks: 'aún ninguna',
    task: 'tarea {index}',
    returned: '→ {value}',
    taskRunning: '… ejecutando',
    taskFailed: '✖ lanzó un error',
    empty: 'Presiona Ejecutar para iniciar los workers.',
    states: {
      starting: 'iniciando',
      idle: 'en espera',
      running: 'ejecutando',
      done: 'listo',
      error: 'error',
    },
  },
  results: {
    title: 'Resultados',
    printed: 'print(parallel_results)',
    notebook: 'El notebook imprimió',
    parentAfter: '{name} del padre después de la ejecución',
    matches: 'Igual que en el notebook',
    differs: 'Distinto del notebook, que ejecutó {tasks} con {workers}{rows}{where}',
    differsRows: ' y {rows}',
    differsWhere: ', con su función definida en el notebook',
    none: 'Sin resultados: la ejecución lanzó un error.',
    takeaway: 'Lo que esto muestra',
    headline: 'El resultado',
    parentAfterShort: 'el padre después:',
    copies: 'el padre y {workers} guardan {copies} copias del dataset: {bytes}',
    copiesThreads:
      'el único proceso de los hilos guarda {copies} copia del dataset, y el padre ninguna: {bytes}',
    duplication:
      'Dataset guardado por los workers: {workers} para un dataset de {dataset}, {times}× los datos.',
    timing: 'Se ejecutó en {ms} ms: {pool}{excel}.',
    poolStarted: '{ms} ms iniciando los workers',
    poolReused:
      'los workers ya estaban en marcha (el grupo de workers se reutiliza, como loky reutiliza los suyos)',
    excelWritten: ', {ms} ms escribiendo el archivo Excel my_database.xlsx',
    excelReused:
      ', el archivo Excel my_database.xlsx de la ejecución anterior seguía ahí, sin cambios',
  },
  error: {
    title: 'Un worker lanzó un error',
    terminated: 'Un proceso worker murió',
    timeout: 'Una tarea superó su tiempo límite',
    stalled: 'Un worker dejó de responder',
    cancelled: 'La ejecución fue cancelada',
    other: 'La ejecución falló',
    where: 'en el worker pid {pid}, tarea {task}',
    notebookRaised: 'El notebook lanzó',
    meaning: 'Qué significa',
    stack: 'Traza, desde el worker',
    terminatedMeaning:
      'El sistema operativo terminó el proceso worker (lo mataron, se quedó sin memoria o salió). Sus tareas nunca terminaron; el padre lo notó y detuvo la ejecución en vez de esperar para siempre.',
    timeoutMeaning:
      'El timeout de joblib limita cada tarea: una tarea que dura más termina la ejecución con un TimeoutError en el padre. Una tarea no se puede interrumpir desde fuera, así que se mató a su worker.',
    stalledMeaning:
      'Un worker ocupado habla al menos una vez por segundo. Este se quedó en silencio: detenido (Ctrl-Z, SIGSTOP), atascado o sin CPU. El padre terminó la ejecución en vez de esperar a ciegas, y la próxima ejecución inicia un worker nuevo.',
    cancelledMeaning:
      'Las tareas que no habían empezado se descartaron; los workers ocupados se detuvieron. El pool está listo para la próxima ejecución.',
    cancelledRaised: 'CancelledError: la ejecución se canceló antes de terminar.',
    terminatedRaised:
      'TerminatedWorkerError: el proceso worker pid {pid} terminó {how} mientras ejecutaba una tarea.',
    byOom: 'porque el sistema operativo lo mató: sin memoria',
    bySignal: 'por la señal {signal}',
    withCode: 'con el código de salida {code}',
  },
  compare: {
    title: 'Memoria: copia completa, lectura parcial, memoria compartida',
    short: 'Memoria: copiar, leer o compartir',
    intro:
      'Tres formas de dar el dataset a N workers, con las mismas filas y workers: una copia completa en cada worker, cada worker leyendo solo su trozo de my_database.xlsx, o N hilos de un solo proceso compartiendo una copia. Para cada proceso: el dataset que guarda, contado (8 bytes por fila que guarda), y cuánto creció su memoria, medido por el sistema operativo.',
    strategiesLegend: 'Estrategias a comparar',
    chooseOne: 'Elige al menos una estrategia para comparar.',
    sweep: 'Ejecutar también con 1 … N workers, para el gráfico de escala',
    takeaways: {
      'full-copy':
        'Una copia completa pone el dataset entero en cada worker: con N workers existe N\u00a0+\u00a01 veces.',
      'partial-read':
        'Leer trozos del archivo lo mantiene en cerca del doble, la copia del padre y los trozos, sin importar cuántos workers haya.',
      'shared-memory':
        'Los hilos de un proceso leen una copia compartida: existe una vez, sin importar cuántos hilos haya.',
    },
    summary:
      '{strategy}: los workers guardan {times}× el dataset ({bytes}); crecimiento medido {measured}.',
    summaryThreads:
      '{strategy}: el único proceso de los hilos guarda {times}× el dataset ({bytes}); crecimiento medido {measured}.',
    liveStep: '{step}, {workers}',
    inSweep: ' (el barrido de 1 … N workers)',
    cancelled:
      'Cancelado durante la {step} con {workers}{sweep}. Una comparación necesita cada paso medido hasta el final, así que no muestra cifras.',
    failed:
      'La {step} con {workers}{sweep} no terminó: {message}. Una comparación necesita cada paso medido hasta el final, así que no muestra cifras.',
  },
  memory: {
    uss: 'USS: memoria que solo usa este proceso, lo que realmente cuesta.',
    rss: 'RSS: cada página que tiene en memoria, incluidos unos 35 MiB de Node compartidos por todos los procesos.',
    pss: 'PSS: sus páginas propias más una parte justa de las compartidas.',
    noUss:
      'USS no está disponible en este sistema: las cifras son RSS, que también cuenta páginas compartidas con otros procesos.',
    shows: 'Los gráficos muestran {figure}.',
    barsTitle: 'Lo que guarda cada proceso',
    barsNote:
      'Cada worker: cuánto creció su memoria durante la ejecución ({figure}), dividido en el dataset que guarda (contado), el heap de V8 y el resto. El padre: su propia copia del dataset (contada). El proceso de los hilos: el único proceso cuyos hilos comparten el dataset.',
    scalingTitle: 'Memoria del dataset según el número de workers',
    scalingNote:
      'La copia del padre más el crecimiento medido de los workers, junto al ideal: {ideals}.',
    idealFor: '{formula} para {strategy}',
    timelineTitle: 'Memoria de cada proceso durante la ejecución ({figure})',
    peak: 'pico breve {value} MiB',
    peaksNote:
      'Los picos breves no son lo que un proceso conserva: el padre sube mientras escribe my_database.xlsx (los búferes de XML y de compresión de la escritura, que se liberan al terminar), y un worker sube mientras recibe una copia (el mensaje que se decodifica junto a la copia en que se convierte) o lee un bloque (los bytes comprimidos y descomprimidos de ese bloque). Lo que cada proceso guarda al final está en las barras y en la tabla.',
    timelineNote: 'Muestreada del sistema operativo cada 50 ms.',
    strategies: {
      'full-copy': 'Copia completa',
      'partial-read': 'Lectura parcial',
      'shared-memory': 'Memoria compartida (hilos)',
    },
    threadsProcess: 'Proceso de los hilos ({threads})',
    threadsAxis: 'Hilos',
    threadsNote:
      'La memoria compartida ejecuta sus {threads} en un solo proceso, que construye la única copia que todos leen; el padre no guarda ninguna. El heap propio de cada hilo creció como máximo {heap} (recolectada su basura).',
    threadsRest:
      'El resto del crecimiento del proceso, {rest}, es memoria que los hilos usaron mientras corrían (cada uno es un isolate de V8 propio) y que el proceso no ha devuelto al sistema.',
    series: {
      dataset: 'dataset',
      heap: 'heap de V8',
      rest: 'el resto',
      measured: 'medido',
      ideal: 'ideal',
    },
    axisMiB: 'MiB',
    axisWorkers: 'workers',
    axisMs: 'ms desde el inicio',
    parent: 'Padre',
    worker: 'Worker {n}',
    tableTitle: 'Las cifras exactas',
    process: 'Proceso',
    counted: 'Guarda',
    measured: 'Creció',
    tableNote:
      'En MiB. Guarda: el dataset que el proceso conserva, contado a 8 bytes por fila. Creció: cuánto creció su memoria durante la ejecución, medido ({figure}).',
    allWorkers: 'Todos los workers',
    ideal: 'Ideal, todos los procesos',
    duplication: 'Duplicación',
    settingsCompare: '{workers} · {rows} · {strategies}',
    settingsRun: '{lesson} · {workers} · {rows}',
    exportPng: 'PNG',
    exportSvg: 'SVG',
    exportCsv: 'Datos (CSV)',
    empty: 'Presiona Ejecutar para medir las estrategias que elegiste.',
  },
  errors: {
    range: '{field} no válido: {given}. Se permite: un número entero de {min} a {max}.',
    batchSize:
      'Tamaño de lote no válido: {given}. Se permite: "auto" o un número entero de 1 a {max}.',
    fields: {
      nJobs: 'Número de workers (nJobs)',
      tasks: 'Número de tareas',
      rows: 'Número de filas',
      excelRows: 'Número de filas (Excel admite como máximo 1.048.575 filas de datos)',
      verbose: 'Nivel de verbose',
      timeout: 'Tiempo límite (segundos)',
    },
    memoryGuard:
      'Rechazado antes de empezar: {experiment} con {workers} y {rows} necesita cerca de {peak} en su punto máximo, pero el presupuesto es {budget}: la mitad de los {available} de memoria disponibles ahora. {lower}',
    lowerBoth: 'Baja las filas a {rows} como máximo o los workers a {workers} como máximo.',
    lowerRows: 'Baja las filas a {rows} como máximo.',
    freeMemory: 'Cierra otros programas para liberar memoria.',
    runInProgress: 'Ya hay una ejecución en curso: espera a que termine o cancélala primero.',
    readOnly:
      'Esta pantalla solo observa las ejecuciones del laboratorio: no puede iniciar ni cancelar una. Abre la dirección del laboratorio sin “watch” para ejecutar lecciones.',
    notOwner:
      'La ejecución en curso se inició desde otra ventana: solo esa ventana puede cancelarla.',
    taskTimeout:
      'TimeoutError: una tarea duró más que el tiempo límite de {seconds} s. Se mató al worker; la próxima ejecución inicia uno nuevo.',
    stalled:
      'El worker {state} y no envió nada durante {seconds} s. Se lo mató; la próxima ejecución inicia uno nuevo.',
    states: {
      T: 'estaba detenido por una señal (estado T, como tras SIGSTOP o Ctrl-Z)',
      t: 'estaba detenido por un depurador (estado t)',
      R: 'estaba en ejecución (estado R) pero nunca terminó su tarea',
      S: 'estaba dormido (estado S)',
      D: 'esperaba al disco (estado D)',
      Z: 'ya había terminado (estado Z)',
      unknown: 'no dio señales de vida',
    },
    excelRow: 'fila {row}',
  },
  units: {
    workers: { one: '{n} worker', other: '{n} workers' },
    tasks: { one: '{n} tarea', other: '{n} tareas' },
    rows: { one: '{n} fila', other: '{n} filas' },
    threads: { one: '{n} hilo', other: '{n} hilos' },
  },
  keys: {
    title: 'Teclas',
    previous: 'lección anterior',
    next: 'lección siguiente',
    run: 'ejecutar la lección',
    answer: 'la pregunta del modo presentador: elegir una respuesta · saltarla',
    cancel: 'cancelar la ejecución',
    nextStep: 'siguiente paso de una ejecución paso a paso',
    present: 'activar o desactivar el modo presentación',
    fullscreen: 'activar o desactivar la pantalla completa',
    fontSize: 'letra más grande o más pequeña',
    keys: 'esta lista',
    close: 'Cerrar',
    button: 'Teclas',
    presenter: 'Presentación',
    smaller: 'Letra más pequeña',
    larger: 'Letra más grande',
  },
  log: {
    title: 'Registro verbose (formato de joblib)',
    empty: 'joblib imprime su progreso aquí.',
  },
};
