<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>tusk::CodePanel</name>
    <message>
        <source>Line %1: </source>
        <translation>Строка %1: </translation>
    </message>
    <message>
        <source>Nothing was applied. %1%2</source>
        <translation>Ничего не применено. %1%2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was applied: %n problems, marked on their lines. The first: %1%2</source>
        <translation>
            <numerusform>Ничего не применено: %n проблема, она отмечена в строке. Первая: %1%2</numerusform>
            <numerusform>Ничего не применено: %n проблемы, они отмечены в своих строках. Первая: %1%2</numerusform>
            <numerusform>Ничего не применено: %n проблем, они отмечены в своих строках. Первая: %1%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit as Python</source>
        <translation>Изменить как Python</translation>
    </message>
    <message>
        <source>Change the program as Python text; Apply turns it back into the diagram</source>
        <translation>Изменить программу как текст на Python; «Применить» снова превращает её в диаграмму</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Read the text with Python&apos;s parser and make it the diagram (Ctrl+Return); undo takes it back</source>
        <translation>Прочитать текст парсером Python и сделать его диаграммой (Ctrl+Enter); отмена действия возвращает прежнее</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Edit the program as Python, then Apply (Ctrl+Return) to turn it into the diagram, or Cancel to drop the edits.</source>
        <translation>Измените программу как текст на Python, затем нажмите «Применить» (Ctrl+Enter), чтобы превратить её в диаграмму, или «Отмена», чтобы отбросить правки.</translation>
    </message>
    <message>
        <source>Drop the edits and show the diagram&apos;s Python again</source>
        <translation>Отбросить правки и снова показать Python диаграммы</translation>
    </message>
</context>
<context>
    <name>tusk::CodeView</name>
    <message>
        <source>and more</source>
        <translation>и другие</translation>
    </message>
</context>
<context>
    <name>tusk::Commands</name>
    <message>
        <source>Add coroutine %1</source>
        <translation>Добавить сопрограмму %1</translation>
    </message>
    <message>
        <source>Delete coroutine %1</source>
        <translation>Удалить сопрограмму %1</translation>
    </message>
    <message>
        <source>Move coroutine</source>
        <translation>Переместить сопрограмму</translation>
    </message>
    <message>
        <source>Move coroutines</source>
        <translation>Переместить сопрограммы</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Переименовать %1 в %2</translation>
    </message>
    <message>
        <source>Change parameters of %1</source>
        <translation>Изменить параметры %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Добавить %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Удалить %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Переместить %1</translation>
    </message>
    <message>
        <source>Change title</source>
        <translation>Изменить название</translation>
    </message>
    <message>
        <source>Set entry coroutine %1</source>
        <translation>Сделать %1 входной сопрограммой</translation>
    </message>
    <message>
        <source>Paste Python</source>
        <translation>Вставить Python</translation>
    </message>
    <message>
        <source>Change description of %1</source>
        <translation>Изменить описание %1</translation>
    </message>
    <message>
        <source>Apply Python</source>
        <translation>Применить Python</translation>
    </message>
</context>
<context>
    <name>tusk::ConsoleView</name>
    <message>
        <source>Printed by %1 at %2</source>
        <translation>Напечатала %1 в %2</translation>
    </message>
</context>
<context>
    <name>tusk::CoroutineNode</name>
    <message>
        <source>entry point · asyncio.run(%1())</source>
        <translation>точка входа · asyncio.run(%1())</translation>
    </message>
    <message>
        <source>coroutine</source>
        <translation>сопрограмма</translation>
    </message>
</context>
<context>
    <name>tusk::DiagramScene</name>
    <message>
        <source>Drop a step onto a coroutine to move it there.</source>
        <translation>Чтобы переместить шаг, отпустите его над сопрограммой.</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Вызов %1</translation>
    </message>
    <message>
        <source>Steps go inside a coroutine: drag a Coroutine onto the canvas first.</source>
        <translation>Шаги помещаются внутрь сопрограммы: сначала перетащите на холст блок «Сопрограмма».</translation>
    </message>
    <message>
        <source>Drop the step onto a coroutine, where the line shows.</source>
        <translation>Отпустите шаг над сопрограммой — туда, где видна линия.</translation>
    </message>
    <message>
        <source>Steps go inside a coroutine: add a Coroutine first.</source>
        <translation>Шаги помещаются внутрь сопрограммы: сначала добавьте сопрограмму.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Вставка</translation>
    </message>
    <message>
        <source>The diagram is empty: there is nothing to export.</source>
        <translation>Диаграмма пуста: экспортировать нечего.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Не удалось записать «%1»: %2</translation>
    </message>
    <message>
        <source>A Tusk diagram</source>
        <translation>Диаграмма Tusk</translation>
    </message>
</context>
<context>
    <name>tusk::DiagramView</name>
    <message>
        <source>Diagram</source>
        <translation>Диаграмма</translation>
    </message>
    <message>
        <source>Start with a coroutine</source>
        <translation>Начните с сопрограммы</translation>
    </message>
    <message>
        <source>Drag “Coroutine” from the palette onto the canvas: the first one becomes main, the coroutine asyncio.run() starts.
Then drag steps such as sleep or print onto it.</source>
        <translation>Перетащите «Сопрограмму» из палитры на холст: первая станет main — сопрограммой, которую запускает asyncio.run().
Затем перетащите на неё шаги, например sleep или print.</translation>
    </message>
</context>
<context>
    <name>tusk::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <source>There is no file &quot;%1&quot;. It may have been moved or deleted.</source>
        <translation>Файла «%1» нет. Возможно, его переместили или удалили.</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation>Не удалось открыть «%1»: %2</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Не удалось прочитать «%1»: %2</translation>
    </message>
</context>
<context>
    <name>tusk::InspectorWidget</name>
    <message>
        <source>choose a variable</source>
        <translation>выберите переменную</translation>
    </message>
    <message>
        <source>(choose a coroutine)</source>
        <translation>(выберите сопрограмму)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (не найдена)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>Select a coroutine or a step on the canvas to edit it.</source>
        <translation>Выделите сопрограмму или шаг на холсте, чтобы изменить их.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Entry coroutine</source>
        <translation>Входная сопрограмма</translation>
    </message>
    <message>
        <source>asyncio.run() starts the program with this coroutine.</source>
        <translation>asyncio.run() начинает программу с этой сопрограммы.</translation>
    </message>
    <message>
        <source>About this program</source>
        <translation>Об этой программе</translation>
    </message>
    <message>
        <source>Coroutine</source>
        <translation>Сопрограмма</translation>
    </message>
    <message>
        <source>The entry coroutine: asyncio.run(%1()) starts it.</source>
        <translation>Входная сопрограмма: её запускает asyncio.run(%1()).</translation>
    </message>
    <message>
        <source>Not a valid Python name: use letters, digits and _, not starting with a digit.</source>
        <translation>Недопустимое имя в Python: используйте буквы, цифры и _, и не начинайте с цифры.</translation>
    </message>
    <message>
        <source>Another coroutine is already named %1.</source>
        <translation>Сопрограмма с именем %1 уже есть.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>no parameters</source>
        <translation>без параметров</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Параметры</translation>
    </message>
    <message>
        <source>Separate names with commas, e.g. label, seconds.</source>
        <translation>Имена через запятую, например: label, seconds.</translation>
    </message>
    <message>
        <source>Make it the entry coroutine</source>
        <translation>Сделать входной сопрограммой</translation>
    </message>
    <message>
        <source>Called from</source>
        <translation>Вызывается из</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Вызов %1</translation>
    </message>
    <message>
        <source>Argument %1</source>
        <translation>Аргумент %1</translation>
    </message>
    <message>
        <source>Change argument</source>
        <translation>Изменить аргумент</translation>
    </message>
    <message>
        <source>Match the parameters of %1</source>
        <translation>Подогнать под параметры %1</translation>
    </message>
    <message>
        <source>Match arguments</source>
        <translation>Подогнать аргументы</translation>
    </message>
    <message>
        <source>Change variable</source>
        <translation>Изменить переменную</translation>
    </message>
    <message>
        <source>Change task</source>
        <translation>Изменить задачу</translation>
    </message>
    <message>
        <source>Change text</source>
        <translation>Изменить текст</translation>
    </message>
    <message>
        <source>Insert a variable or the time</source>
        <translation>Вставить переменную или время</translation>
    </message>
    <message>
        <source>Time since start: {now:.1f}</source>
        <translation>Время от запуска: {now:.1f}</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Written as a Python f-string: {name} shows a variable, {x!r} its repr, {{ and }} print braces.</source>
        <translation>Пишется как f-строка Python: {name} выводит переменную, {x!r} — её repr, {{ и }} — фигурные скобки.</translation>
    </message>
    <message>
        <source>Change seconds</source>
        <translation>Изменить секунды</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Секунды</translation>
    </message>
    <message>
        <source>Keep the task in</source>
        <translation>Сохранить задачу в</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>не сохранять</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <source>Change task name</source>
        <translation>Изменить имя задачи</translation>
    </message>
    <message>
        <source>Task name</source>
        <translation>Имя задачи</translation>
    </message>
    <message>
        <source>A task</source>
        <translation>Задачу</translation>
    </message>
    <message>
        <source>A coroutine call</source>
        <translation>Вызов сопрограммы</translation>
    </message>
    <message>
        <source>Change what to await</source>
        <translation>Изменить, что ожидать</translation>
    </message>
    <message>
        <source>Wait for</source>
        <translation>Ожидать</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Keep the result in</source>
        <translation>Сохранить результат в</translation>
    </message>
    <message>
        <source>Remove from the gather</source>
        <translation>Убрать из gather</translation>
    </message>
    <message>
        <source>Remove from gather</source>
        <translation>Убрать из gather</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Задача %1</translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation>Добавить задачу</translation>
    </message>
    <message>
        <source>Add to gather</source>
        <translation>Добавить в gather</translation>
    </message>
    <message>
        <source>Add a call</source>
        <translation>Добавить вызов</translation>
    </message>
    <message>
        <source>Awaitables</source>
        <translation>Что ожидать</translation>
    </message>
    <message>
        <source>Change return_exceptions</source>
        <translation>Изменить return_exceptions</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Исключения</translation>
    </message>
    <message>
        <source>With return_exceptions, an exception becomes an item of the result list instead of being raised.</source>
        <translation>С return_exceptions исключение не возбуждается, а становится элементом списка результатов.</translation>
    </message>
    <message>
        <source>Keep the results in</source>
        <translation>Сохранить результаты в</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>без сообщения</translation>
    </message>
    <message>
        <source>Change message</source>
        <translation>Изменить сообщение</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>re-raise the exception being handled</source>
        <translation>повторно возбудить обрабатываемое исключение</translation>
    </message>
    <message>
        <source>Change exception</source>
        <translation>Изменить исключение</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Исключение</translation>
    </message>
    <message>
        <source>nothing (None)</source>
        <translation>ничего (None)</translation>
    </message>
    <message>
        <source>Change value</source>
        <translation>Изменить значение</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Change times</source>
        <translation>Изменить число повторов</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Сколько раз</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Change loop variable</source>
        <translation>Изменить переменную цикла</translation>
    </message>
    <message>
        <source>Loop variable</source>
        <translation>Переменная цикла</translation>
    </message>
    <message>
        <source>Counts 0, 1, 2, … as range() does.</source>
        <translation>Принимает значения 0, 1, 2, … — как в range().</translation>
    </message>
    <message>
        <source>Change except clause</source>
        <translation>Изменить блок except</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>Remove this except clause and its steps</source>
        <translation>Удалить этот блок except вместе с его шагами</translation>
    </message>
    <message>
        <source>Remove except clause</source>
        <translation>Удалить блок except</translation>
    </message>
    <message>
        <source>Add an except clause</source>
        <translation>Добавить блок except</translation>
    </message>
    <message>
        <source>Add except clause</source>
        <translation>Добавить блок except</translation>
    </message>
    <message>
        <source>finally block</source>
        <translation>блок finally</translation>
    </message>
    <message>
        <source>Add finally</source>
        <translation>Добавить finally</translation>
    </message>
    <message>
        <source>Remove finally</source>
        <translation>Удалить finally</translation>
    </message>
    <message>
        <source>Drop steps into the try body, an except clause or the finally block on the canvas.</source>
        <translation>Перетаскивайте шаги на холсте в тело try, в блок except или в блок finally.</translation>
    </message>
    <message>
        <source>Coroutines: %1 · steps: %2</source>
        <translation>Сопрограмм: %1 · шагов: %2</translation>
    </message>
    <message>
        <source>what this coroutine does (optional)</source>
        <translation>что делает эта сопрограмма (необязательно)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Written as the coroutine&apos;s docstring in the exported Python.</source>
        <translation>В экспортированном Python записывается как строка документации сопрограммы.</translation>
    </message>
    <message>
        <source>else block</source>
        <translation>блок else</translation>
    </message>
    <message>
        <source>Add else</source>
        <translation>Добавить else</translation>
    </message>
    <message>
        <source>Remove else</source>
        <translation>Удалить else</translation>
    </message>
    <message>
        <source>A task variable, an expression that gives a task (tasks[0]), or *tasks for every task in a list</source>
        <translation>Переменная с задачей, выражение, дающее задачу (tasks[0]), или *tasks — все задачи из списка</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Переменная</translation>
    </message>
    <message>
        <source>A name, several names separated by commas, or an item such as d[&apos;key&apos;].</source>
        <translation>Имя, несколько имён через запятую или элемент, например d[&apos;key&apos;].</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation>Изменить оператор</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Условие</translation>
    </message>
    <message>
        <source>Change condition</source>
        <translation>Изменить условие</translation>
    </message>
    <message>
        <source>Else</source>
        <translation>Else</translation>
    </message>
    <message>
        <source>An if alone in the else block is written elif.</source>
        <translation>Единственный if в блоке else записывается как elif.</translation>
    </message>
    <message>
        <source>The else block runs when the condition becomes false, not after a break.</source>
        <translation>Блок else выполняется, когда условие становится ложным, но не после break.</translation>
    </message>
    <message>
        <source>For each</source>
        <translation>Для каждого</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Из</translation>
    </message>
    <message>
        <source>Change what the loop walks</source>
        <translation>Изменить, что перебирает цикл</translation>
    </message>
    <message>
        <source>The else block runs when the loop ends, not after a break.</source>
        <translation>Блок else выполняется, когда цикл закончился, но не после break.</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Выражение</translation>
    </message>
    <message>
        <source>Change expression</source>
        <translation>Изменить выражение</translation>
    </message>
    <message>
        <source>Evaluated for what it does, such as items.append(x); its value is not kept.</source>
        <translation>Вычисляется ради действия, например items.append(x); значение не сохраняется.</translation>
    </message>
</context>
<context>
    <name>tusk::MainWindow</name>
    <message>
        <source>Quick guide</source>
        <translation>Краткое руководство</translation>
    </message>
    <message>
        <source>About Tusk</source>
        <translation>О программе Tusk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;Build Python asyncio programs as diagrams, run them and watch the event loop.&lt;/p&gt;&lt;p&gt;Every block is one line of Python 3.11, and a run prints what CPython prints.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tusk %1&lt;/h3&gt;&lt;p&gt;Собирайте программы на Python asyncio в виде диаграмм, запускайте их и наблюдайте за циклом событий.&lt;/p&gt;&lt;p&gt;Каждый блок — это одна строка Python 3.11, а запуск печатает то же, что напечатал бы CPython.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Start a new, empty project</source>
        <translation>Начать новый пустой проект</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a .tusk project</source>
        <translation>Открыть проект .tusk</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Сохранить проект</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Save the project under another name</source>
        <translation>Сохранить проект под другим именем</translation>
    </message>
    <message>
        <source>Diagram as &amp;PNG…</source>
        <translation>Диаграмму в &amp;PNG…</translation>
    </message>
    <message>
        <source>Export the diagram as a PNG image</source>
        <translation>Экспортировать диаграмму как изображение PNG</translation>
    </message>
    <message>
        <source>Diagram as &amp;SVG…</source>
        <translation>Диаграмму в &amp;SVG…</translation>
    </message>
    <message>
        <source>Export the diagram as an SVG drawing</source>
        <translation>Экспортировать диаграмму как рисунок SVG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Вырезать</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Копировать</translation>
    </message>
    <message>
        <source>Copy the selection; it pastes as Python into a text editor</source>
        <translation>Копировать выделенное; в текстовый редактор оно вставится как код на Python</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Вст&amp;авить</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Delete the selected coroutines and steps</source>
        <translation>Удалить выделенные сопрограммы и шаги</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Выделить &amp;всё</translation>
    </message>
    <message>
        <source>Move Step &amp;Up</source>
        <translation>Переместить шаг &amp;выше</translation>
    </message>
    <message>
        <source>Move Step Do&amp;wn</source>
        <translation>Переместить шаг &amp;ниже</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Исходный размер</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>По размеру &amp;окна</translation>
    </message>
    <message>
        <source>Show the whole diagram</source>
        <translation>Показать всю диаграмму</translation>
    </message>
    <message>
        <source>Arrange &amp;Automatically</source>
        <translation>&amp;Расставить автоматически</translation>
    </message>
    <message>
        <source>Place the coroutines automatically, callers left of callees</source>
        <translation>Расставить сопрограммы автоматически: вызывающие левее вызываемых</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <source>Stop the running program</source>
        <translation>Остановить выполняемую программу</translation>
    </message>
    <message>
        <source>Quick &amp;Guide</source>
        <translation>&amp;Краткое руководство</translation>
    </message>
    <message>
        <source>&amp;About Tusk</source>
        <translation>&amp;О программе Tusk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Недавние &amp;файлы</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>&amp;Примеры</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Экспорт</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Панели</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Палитра</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Вывод</translation>
    </message>
    <message>
        <source>%1[*] — Tusk</source>
        <translation>%1[*] — Tusk</translation>
    </message>
    <message>
        <source>Run the program (%1)</source>
        <translation>Запустить программу (%1)</translation>
    </message>
    <message>
        <source>Ready to run</source>
        <translation>Можно запускать</translation>
    </message>
    <message>
        <source>Cannot run yet: %1</source>
        <translation>Пока нельзя запустить: %1</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>Нельзя запустить: %1</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved.
Do you want to save them?</source>
        <translation>В «%1» есть несохранённые изменения.
Сохранить их?</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Открыть проект</translation>
    </message>
    <message>
        <source>Tusk projects (*.tusk);;All files (*)</source>
        <translation>Проекты Tusk (*.tusk);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Не удалось открыть проект</translation>
    </message>
    <message>
        <source>“%1” could not be opened. The project that was open stays as it was.</source>
        <translation>Не удалось открыть «%1». Открытый проект остался без изменений.</translation>
    </message>
    <message>
        <source>If the file was edited by hand, fix it in a text editor (the place of each problem is given), then open it again.</source>
        <translation>Если файл правили вручную, исправьте его в текстовом редакторе (место каждой проблемы указано) и откройте снова.</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>Не удалось открыть %1.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Открыт файл %1.</translation>
    </message>
    <message>
        <source>Example opened. Save it to keep your changes.</source>
        <translation>Пример открыт. Сохраните его, чтобы не потерять изменения.</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>без_названия</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Сохранить проект как</translation>
    </message>
    <message>
        <source>Tusk projects (*.tusk)</source>
        <translation>Проекты Tusk (*.tusk)</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Не удалось сохранить проект</translation>
    </message>
    <message>
        <source>%1

The file on disk is unchanged. Choose another folder with Save As, or free some space, and save again.</source>
        <translation>%1

Файл на диске не изменился. Выберите другую папку через «Сохранить как» или освободите место на диске и сохраните снова.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сохранено: %1.</translation>
    </message>
    <message>
        <source>Export Diagram as PNG</source>
        <translation>Экспорт диаграммы в PNG</translation>
    </message>
    <message>
        <source>diagram</source>
        <translation>диаграмма</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Не удалось экспортировать</translation>
    </message>
    <message>
        <source>Export Diagram as SVG</source>
        <translation>Экспорт диаграммы в SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Рисунки SVG (*.svg)</translation>
    </message>
    <message>
        <source>Recover unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <source>Tusk did not close properly last time. Unsaved changes to “%1” from %2 were kept.</source>
        <translation>В прошлый раз Tusk завершился некорректно. Несохранённые изменения в «%1» от %2 сохранены.</translation>
    </message>
    <message>
        <source>Recover them to continue where you left off, or discard them.</source>
        <translation>Восстановите их, чтобы продолжить с того же места, или откажитесь от них.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отказаться</translation>
    </message>
    <message>
        <source>Recovered unsaved changes. Save them to keep them.</source>
        <translation>Несохранённые изменения восстановлены. Сохраните их, чтобы не потерять.</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(и ещё %1)</translation>
    </message>
    <message>
        <source>The Problems panel lists every problem and where it is.</source>
        <translation>На панели «Проблемы» перечислены все проблемы и где они находятся.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Файл не удалось прочитать.</translation>
    </message>
    <message>
        <source>%1 problems were found; the first:</source>
        <translation>Найдено проблем: %1. Первая:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <comment>action</comment>
        <translation>&amp;Запустить</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <comment>menu</comment>
        <translation>&amp;Запуск</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Временная шкала</translation>
    </message>
    <message>
        <source>&amp;Python Script…</source>
        <translation>Скрипт на &amp;Python…</translation>
    </message>
    <message>
        <source>Export the program as a Python script that prints the same</source>
        <translation>Экспортировать программу как скрипт на Python, который печатает то же самое</translation>
    </message>
    <message>
        <source>Export the diagram as PNG or SVG, or the program as Python</source>
        <translation>Экспортировать диаграмму в PNG или SVG, а программу — в Python</translation>
    </message>
    <message>
        <source>Export Python Script</source>
        <translation>Экспорт скрипта на Python</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Скрипты Python (*.py)</translation>
    </message>
    <message>
        <source>Export Trace</source>
        <translation>Экспорт трассировки</translation>
    </message>
    <message>
        <source>Chrome trace (*.json)</source>
        <translation>Трассировка Chrome (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Экспортировано в %1</translation>
    </message>
    <message>
        <source>New project: drag steps such as sleep or print from the palette into main.</source>
        <translation>Новый проект: перетащите шаги, например паузу или печать, из палитры в main.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Build an asyncio program&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;A new project holds &lt;b&gt;main&lt;/b&gt;, the coroutine &lt;code&gt;asyncio.run()&lt;/code&gt; starts. Drag &lt;b&gt;Coroutine&lt;/b&gt; from the palette onto the canvas for each coroutine a task will run.&lt;/li&gt;&lt;li&gt;Drag steps (&lt;b&gt;Sleep&lt;/b&gt;, &lt;b&gt;Print&lt;/b&gt;, &lt;b&gt;Create task&lt;/b&gt;…) onto a coroutine; the line shows where they go. Drag rows to reorder them or move them to another coroutine.&lt;/li&gt;&lt;li&gt;Drag from the dot at the right of a &lt;b&gt;Create task&lt;/b&gt;, &lt;b&gt;Await&lt;/b&gt; or &lt;b&gt;Gather&lt;/b&gt; row onto the coroutine it should call.&lt;/li&gt;&lt;li&gt;Edit the selected item in the inspector on the right. Problems are marked on the rows and listed below the canvas.&lt;/li&gt;&lt;li&gt;Press &lt;b&gt;Run&lt;/b&gt; (Ctrl+R) to see what the program prints.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Ctrl+wheel zooms, the middle button (or Space with the left button) pans, and every change can be undone with Ctrl+Z.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Соберите программу на asyncio&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;В новом проекте уже есть &lt;b&gt;main&lt;/b&gt; — сопрограмма, которую запускает &lt;code&gt;asyncio.run()&lt;/code&gt;. Для каждой сопрограммы, которую будет выполнять задача, перетащите &lt;b&gt;Сопрограмму&lt;/b&gt; из палитры на холст.&lt;/li&gt;&lt;li&gt;Перетаскивайте на сопрограмму шаги (&lt;b&gt;Пауза&lt;/b&gt;, &lt;b&gt;Печать&lt;/b&gt;, &lt;b&gt;Создать задачу&lt;/b&gt;…) — линия показывает, куда они встанут. Строки можно перетаскивать, чтобы поменять их порядок или перенести в другую сопрограмму.&lt;/li&gt;&lt;li&gt;Перетащите точку справа от строки &lt;b&gt;Создать задачу&lt;/b&gt;, &lt;b&gt;Ожидать&lt;/b&gt; или &lt;b&gt;Собрать&lt;/b&gt; на сопрограмму, которую нужно вызвать.&lt;/li&gt;&lt;li&gt;Выделенный элемент редактируется на панели «Свойства» справа. Проблемы отмечены на строках и перечислены под холстом.&lt;/li&gt;&lt;li&gt;Нажмите &lt;b&gt;Запустить&lt;/b&gt; (Ctrl+R), чтобы увидеть, что напечатает программа.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Ctrl+колесо мыши меняет масштаб, средняя кнопка (или пробел с левой кнопкой) сдвигает холст, а любое изменение можно отменить клавишами Ctrl+Z.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Keyboard: Tab goes from panel to panel. On the canvas the arrow keys move the selection between rows and coroutines, Enter edits it in the inspector (Escape comes back), F2 renames, Alt+Up and Alt+Down move a step, Ctrl+arrows move a coroutine; Ctrl+Y redoes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Клавиатура: Tab переходит от панели к панели. На холсте стрелки перемещают выделение между строками и сопрограммами, Enter открывает его для правки на панели «Свойства» (Esc возвращает обратно), F2 переименовывает, Alt+Вверх и Alt+Вниз перемещают шаг, Ctrl+стрелки сдвигают сопрограмму; Ctrl+Y повторяет отменённое.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Limits of a run: tasks, memory, recording, console lines</source>
        <translation>Пределы запуска: задачи, память, запись, строки вывода</translation>
    </message>
    <message>
        <source>Paste copied steps or coroutines, or Python code, which becomes coroutines</source>
        <translation>Вставить скопированные шаги или сопрограммы либо код на Python, который станет сопрограммами</translation>
    </message>
    <message>
        <source>&amp;Import Python...</source>
        <translation>&amp;Импорт Python...</translation>
    </message>
    <message>
        <source>Turn a Python asyncio program into a diagram (you can also drop a .py file on the window)</source>
        <translation>Превратить программу на Python с asyncio в диаграмму (можно и перетащить файл .py в окно)</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Import Python</source>
        <translation>Импорт Python</translation>
    </message>
    <message>
        <source>Python programs (*.py);;All files (*)</source>
        <translation>Программы на Python (*.py);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Reading %1 with python3...</source>
        <translation>Чтение %1 с помощью python3...</translation>
    </message>
    <message>
        <source>Cannot import the program</source>
        <translation>Не удаётся импортировать программу</translation>
    </message>
    <message>
        <source>“%1” could not be imported. The project that was open stays as it was; the program is in the Python panel with its problems marked: correct them there and press Apply, or Cancel.</source>
        <translation>Не удалось импортировать «%1». Открытый проект остался прежним; программа открыта на панели Python с отмеченными проблемами: исправьте их там и нажмите «Применить» или «Отмена».</translation>
    </message>
    <message>
        <source>“%1” could not be imported. The project that was open stays as it was.</source>
        <translation>Не удалось импортировать «%1». Открытый проект остался прежним.</translation>
    </message>
    <message>
        <source>Could not import %1.</source>
        <translation>Не удалось импортировать %1.</translation>
    </message>
    <message>
        <source>Imported %1. Save it to keep it as a Tusk project.</source>
        <translation>%1 импортирован. Сохраните его, чтобы оставить как проект Tusk.</translation>
    </message>
    <message>
        <source>Cannot paste the text</source>
        <translation>Не удаётся вставить текст</translation>
    </message>
    <message>
        <source>The text on the clipboard is not a program Tusk can hold yet, so nothing was pasted.</source>
        <translation>Текст в буфере обмена — не та программа, которую Tusk пока умеет представить, поэтому ничего не вставлено.</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>вставленный текст</translation>
    </message>
    <message>
        <source>Pasted the Python as coroutines. Undo takes it back.</source>
        <translation>Python вставлен как сопрограммы. Отмена действия убирает их.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems were found; the first:</source>
        <translation>
            <numerusform>Найдена %n проблема; первая:</numerusform>
            <numerusform>Найдено %n проблемы; первая:</numerusform>
            <numerusform>Найдено %n проблем; первая:</numerusform>
        </translation>
    </message>
    <message>
        <source>Tusk holds the asyncio steps of its palette. Change or remove what is listed, then import again.</source>
        <translation>Tusk представляет шаги asyncio из своей палитры. Измените или уберите перечисленное и импортируйте снова.</translation>
    </message>
    <message>
        <source>Tusk holds the asyncio steps of its palette. Change or remove what is listed in the Python panel, then press Apply.</source>
        <translation>Tusk представляет шаги asyncio из своей палитры. Измените или уберите перечисленное на панели Python и нажмите «Применить».</translation>
    </message>
</context>
<context>
    <name>tusk::NewItems</name>
    <message>
        <source>%1 finished</source>
        <translation>%1 завершена</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 начала работу</translation>
    </message>
    <message>
        <source>%1 is working</source>
        <translation>%1 работает</translation>
    </message>
    <message>
        <source>something went wrong</source>
        <translation>что-то пошло не так</translation>
    </message>
</context>
<context>
    <name>tusk::NumberFormat</name>
    <message>
        <source>%1 s</source>
        <comment>a duration in seconds</comment>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 ГиБ</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 МиБ</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 КиБ</translation>
    </message>
</context>
<context>
    <name>tusk::OperandEdit</name>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Переменная</translation>
    </message>
    <message>
        <source>Expression</source>
        <translation>Выражение</translation>
    </message>
    <message>
        <source>Python, such as i * 2 or len(items)</source>
        <translation>Python, например i * 2 или len(items)</translation>
    </message>
</context>
<context>
    <name>tusk::OutputPanel</name>
    <message>
        <source>Run the program (Ctrl+R) to see what it prints.</source>
        <translation>Запустите программу (Ctrl+R), чтобы увидеть, что она печатает.</translation>
    </message>
    <message>
        <source>The program cannot run yet:</source>
        <translation>Программу пока нельзя запустить:</translation>
    </message>
    <message>
        <source>Copy Output</source>
        <translation>Копировать вывод</translation>
    </message>
    <message>
        <source>Clear Output</source>
        <translation>Очистить вывод</translation>
    </message>
    <message>
        <source>Wrap Long Lines</source>
        <translation>Переносить длинные строки</translation>
    </message>
    <message>
        <source>%1() returned after %2 of virtual time.</source>
        <translation>%1() завершилась через %2 виртуального времени.</translation>
    </message>
    <message>
        <source>The program ended with an exception after %1.</source>
        <translation>Программа завершилась исключением через %1.</translation>
    </message>
    <message>
        <source>Deadlock after %1: every task waits and no timer is set, so CPython would hang here.</source>
        <translation>Взаимная блокировка через %1: все задачи ждут, а таймеров нет, поэтому CPython здесь завис бы.</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Остановлено через %1.</translation>
    </message>
    <message>
        <source>Stopped after %1: more than %2 tasks were alive at once, the limit of a run. If the program needs more, raise it in Edit &gt; Preferences.</source>
        <translation>Остановлено через %1: одновременно существовало больше %2 задач — это предел запуска. Если программе нужно больше, увеличьте его в меню «Правка &gt; Настройки».</translation>
    </message>
    <message>
        <source>Stopped after %1: the run reached its memory limit of %2 (tasks, frames and values). If the program needs more, raise it in Edit &gt; Preferences.</source>
        <translation>Остановлено через %1: запуск достиг предела памяти %2 (задачи, кадры и значения). Если программе нужно больше, увеличьте его в меню «Правка &gt; Настройки».</translation>
    </message>
    <message>
        <source>Stopped after %1: the run&apos;s recording reached its limit of %2, even with older moments kept as task states only. Raise it in Edit &gt; Preferences.</source>
        <translation>Остановлено через %1: запись запуска достигла предела %2, хотя для старых моментов в ней хранились только состояния задач. Увеличьте предел в меню «Правка &gt; Настройки».</translation>
    </message>
    <message>
        <source>Stopped after %1 on reaching a limit.</source>
        <translation>Остановлено через %1: достигнут предел.</translation>
    </message>
    <message>
        <source>The console keeps the last %1 of %2 lines.</source>
        <translation>Вывод хранит последние %1 из %2 строк.</translation>
    </message>
    <message>
        <source>The recording passed its %1 budget: up to %2 it holds task states only (no steps or prints).</source>
        <translation>Запись превысила свой объём %1: до %2 в ней только состояния задач (без шагов и вывода).</translation>
    </message>
    <message>
        <source>Change the limits in Edit &gt; Preferences.</source>
        <translation>Пределы меняются в меню «Правка &gt; Настройки».</translation>
    </message>
    <message>
        <source>random is seeded with %1 for this run; write random.seed(%1) before asyncio.run() to repeat it</source>
        <translation>random в этом запуске засеян числом %1; чтобы повторить запуск, напишите random.seed(%1) перед asyncio.run()</translation>
    </message>
</context>
<context>
    <name>tusk::PaletteWidget</name>
    <message>
        <source>Drag onto the canvas, or double-click to add it where the selection is.</source>
        <translation>Перетащите на холст или дважды щёлкните, чтобы добавить туда, где выделение.</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
</context>
<context>
    <name>tusk::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Limits of a run</source>
        <translation>Пределы запуска</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без предела</translation>
    </message>
    <message>
        <source> GiB</source>
        <comment>a size unit after a number</comment>
        <translation> ГиБ</translation>
    </message>
    <message>
        <source>&amp;Tasks alive at once:</source>
        <translation>&amp;Задач одновременно:</translation>
    </message>
    <message>
        <source>&amp;Memory a run may hold:</source>
        <translation>&amp;Память запуска:</translation>
    </message>
    <message>
        <source>&amp;Recording of a run:</source>
        <translation>&amp;Запись запуска:</translation>
    </message>
    <message>
        <source>&amp;Console lines kept:</source>
        <translation>&amp;Строк вывода:</translation>
    </message>
    <message>
        <source>A program that grows without end (one zero too many in a loop) stops when it reaches one of these, as if you had pressed Stop, and the console says which limit it was. Memory counts tasks, their frames and values. Past its size the recording first keeps only task states for older moments. The console drops its oldest lines and counts them. The next run uses these values.</source>
        <translation>Программа, которая растёт без конца (лишний ноль в цикле), останавливается, достигнув одного из этих пределов, — как если бы вы нажали «Остановить», — и вывод сообщает, какой предел достигнут. Память учитывает задачи, их кадры и значения. Превысив свой объём, запись сначала хранит для старых моментов только состояния задач. Вывод отбрасывает самые старые строки и ведёт им счёт. Новые значения действуют со следующего запуска.</translation>
    </message>
</context>
<context>
    <name>tusk::ProblemText</name>
    <message>
        <source>Invalid coroutine name: %1</source>
        <translation>Недопустимое имя сопрограммы: %1</translation>
    </message>
    <message>
        <source>Invalid parameter name: %1</source>
        <translation>Недопустимое имя параметра: %1</translation>
    </message>
    <message>
        <source>Invalid loop variable name: %1</source>
        <translation>Недопустимое имя переменной цикла: %1</translation>
    </message>
    <message>
        <source>Invalid variable name: %1</source>
        <translation>Недопустимое имя переменной: %1</translation>
    </message>
    <message>
        <source>the name is empty; type a name such as worker or result</source>
        <translation>имя пустое; введите имя, например worker или result</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a Python keyword; choose another name</source>
        <translation>«%1» — ключевое слово Python; выберите другое имя</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is reserved (now, asyncio and print have a meaning of their own); choose another name</source>
        <translation>«%1» зарезервировано (now, asyncio и print имеют особый смысл); выберите другое имя</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Python name: use letters, digits and _, and do not start with a digit</source>
        <translation>«%1» не может быть именем в Python: используйте буквы, цифры и _ и не начинайте с цифры</translation>
    </message>
    <message>
        <source>&apos;%1&apos; would be read by Python as &apos;%2&apos;; write it that way</source>
        <translation>Python прочитает «%1» как «%2»; напишите так</translation>
    </message>
    <message>
        <source>Two coroutines are named &apos;%1&apos;; rename one of them</source>
        <translation>Две сопрограммы называются «%1»; переименуйте одну из них</translation>
    </message>
    <message>
        <source>&apos;%2&apos; has two parameters named &apos;%1&apos;; rename one of them</source>
        <translation>У «%2» два параметра с именем «%1»; переименуйте один из них</translation>
    </message>
    <message>
        <source>No entry coroutine: choose the coroutine asyncio.run() starts (select the canvas background and pick it in the inspector)</source>
        <translation>Нет входной сопрограммы: выберите сопрограмму, которую запускает asyncio.run() (щёлкните по пустому месту холста и выберите её на панели «Свойства»)</translation>
    </message>
    <message>
        <source>There is no coroutine &apos;%1&apos; for asyncio.run() to start: drag a Coroutine from the palette onto the canvas, or make another coroutine the entry</source>
        <translation>Нет сопрограммы «%1», которую мог бы запустить asyncio.run(): перетащите сопрограмму из палитры на холст или сделайте входной другую сопрограмму</translation>
    </message>
    <message>
        <source>The entry coroutine &apos;%1&apos; takes parameters (%2), but asyncio.run(%1()) passes none: remove them or choose another entry</source>
        <translation>Входная сопрограмма «%1» принимает параметры (%2), но asyncio.run(%1()) их не передаёт: уберите параметры или выберите другую входную сопрограмму</translation>
    </message>
    <message>
        <source>No coroutine chosen: drag from the dot at the row&apos;s right onto a coroutine, or pick one in the inspector</source>
        <translation>Сопрограмма не выбрана: перетащите точку справа от строки на сопрограмму или выберите её на панели «Свойства»</translation>
    </message>
    <message>
        <source>Calls &apos;%1&apos;, but there is no coroutine with that name</source>
        <translation>Вызывается «%1», но сопрограммы с таким именем нет</translation>
    </message>
    <message>
        <source>Calls &apos;%1&apos;, but &apos;%2&apos; also has a variable named &apos;%1&apos;, which hides the coroutine in Python; rename one of them</source>
        <translation>Вызывается «%1», но в «%2» есть переменная с тем же именем, и в Python она скрывает сопрограмму; переименуйте одну из них</translation>
    </message>
    <message>
        <source>Error in the text at column %1: %2</source>
        <translation>Ошибка в тексте, позиция %1: %2</translation>
    </message>
    <message>
        <source>Unknown exception type &apos;%1&apos;; choose one of: %2</source>
        <translation>Неизвестный тип исключения «%1»; выберите один из: %2</translation>
    </message>
    <message>
        <source>sleep needs a number of seconds</source>
        <translation>для sleep нужно число секунд</translation>
    </message>
    <message>
        <source>create_task needs a coroutine to call</source>
        <translation>для create_task нужна сопрограмма, которую она вызовет</translation>
    </message>
    <message>
        <source>cancel needs the task to cancel: choose a task variable</source>
        <translation>для cancel нужна задача, которую нужно отменить: выберите переменную с задачей</translation>
    </message>
    <message>
        <source>repeat needs a number of times</source>
        <translation>для repeat нужно число повторов</translation>
    </message>
    <message>
        <source>%2 needs &apos;%1&apos;</source>
        <translation>для %2 нужно поле «%1»</translation>
    </message>
    <message>
        <source>await needs a task to wait for or a coroutine to call: choose one in the inspector</source>
        <translation>для await нужна задача, которую нужно дождаться, или вызываемая сопрограмма: выберите на панели «Свойства»</translation>
    </message>
    <message>
        <source>A bare raise re-raises the exception being handled, so it belongs inside an except block; choose an exception type to raise a new one</source>
        <translation>raise без типа повторно возбуждает обрабатываемое исключение, поэтому его место — внутри блока except; чтобы возбудить новое исключение, выберите его тип</translation>
    </message>
    <message>
        <source>A bare raise takes no message; choose an exception type to raise a new exception</source>
        <translation>raise без типа не принимает сообщение; чтобы возбудить новое исключение, выберите его тип</translation>
    </message>
    <message>
        <source>try needs at least one except clause or a finally block, as in Python</source>
        <translation>для try нужен хотя бы один блок except или блок finally — как в Python</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation>Не удалось открыть «%1»: %2</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>Не удалось прочитать «%1»: %2</translation>
    </message>
    <message>
        <source>Cannot save &quot;%1&quot;: %2</source>
        <translation>Не удалось сохранить «%1»: %2</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Не удалось записать «%1»: %2</translation>
    </message>
    <message>
        <source>This is not a Tusk project (its &quot;format&quot; is not &quot;tusk&quot;)</source>
        <translation>Это не проект Tusk (его «format» — не «tusk»)</translation>
    </message>
    <message>
        <source>This file was written by a newer version of Tusk (format version %1); update Tusk to open it</source>
        <translation>Файл записан более новой версией Tusk (версия формата %1); обновите Tusk, чтобы открыть его</translation>
    </message>
    <message>
        <source>Entry coroutine</source>
        <translation>Входная сопрограмма</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Проект</translation>
    </message>
    <message>
        <source>%1 › step %2</source>
        <translation>%1 › шаг %2</translation>
    </message>
    <message>
        <source>%1 › parameters</source>
        <translation>%1 › параметры</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>строка %1, позиция %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no arguments, but the call passes %2</source>
        <translation>«%1» не принимает аргументов, а при вызове передано: %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes 1 argument (%2), but the call passes %3</source>
        <translation>«%1» принимает 1 аргумент (%2), а при вызове передано: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes %2 arguments (%3), but the call passes %4</source>
        <translation>«%1» принимает аргументов: %2 (%3), а при вызове передано: %4</translation>
    </message>
    <message>
        <source>There is no variable &apos;%1&apos; in &apos;%2&apos;: no parameter or step assigns it</source>
        <translation>В «%2» нет переменной «%1»: её не задаёт ни параметр, ни шаг</translation>
    </message>
    <message>
        <source>Variable &apos;%1&apos; is used before it exists: move this step below the step that assigns it</source>
        <translation>Переменная «%1» используется раньше, чем появляется: переместите этот шаг ниже шага, который её задаёт</translation>
    </message>
    <message>
        <source>Choose a variable. There is none here yet: add a parameter, or a step above this one that keeps its result (create_task&apos;s “Keep the task in”)</source>
        <translation>Выберите переменную. Здесь их пока нет: добавьте параметр или шаг выше этого, который сохраняет свой результат (у create_task — «Сохранить задачу в»)</translation>
    </message>
    <message>
        <source>Choose a variable</source>
        <translation>Выберите переменную</translation>
    </message>
    <message>
        <source>Blocks nest too deep here: Python allows at most %1 nested loops and try blocks in a coroutine (SyntaxError: too many statically nested blocks). Move some of these steps into a coroutine of their own.</source>
        <translation>Здесь блоки вложены слишком глубоко: Python допускает в корутине не больше %1 вложенных циклов и блоков try (SyntaxError: too many statically nested blocks). Вынесите часть этих шагов в отдельную корутину.</translation>
    </message>
</context>
<context>
    <name>tusk::ProblemsPanel</name>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Проблем нет</translation>
    </message>
    <message>
        <source>The program is ready to run.</source>
        <translation>Программу можно запускать.</translation>
    </message>
</context>
<context>
    <name>tusk::PythonImporter</name>
    <message>
        <source>&apos;async for&apos;</source>
        <translation>&apos;async for&apos;</translation>
    </message>
    <message>
        <source>&apos;async with&apos;</source>
        <translation>&apos;async with&apos;</translation>
    </message>
    <message>
        <source>&apos;with&apos;</source>
        <translation>&apos;with&apos;</translation>
    </message>
    <message>
        <source>a &apos;while&apos; loop</source>
        <translation>цикл &apos;while&apos;</translation>
    </message>
    <message>
        <source>an &apos;if&apos; statement</source>
        <translation>оператор &apos;if&apos;</translation>
    </message>
    <message>
        <source>this assignment</source>
        <translation>это присваивание</translation>
    </message>
    <message>
        <source>augmented assignment (&apos;+=&apos; and the like)</source>
        <translation>составное присваивание (&apos;+=&apos; и подобные)</translation>
    </message>
    <message>
        <source>an annotated assignment</source>
        <translation>присваивание с аннотацией</translation>
    </message>
    <message>
        <source>&apos;del&apos;</source>
        <translation>&apos;del&apos;</translation>
    </message>
    <message>
        <source>a class</source>
        <translation>класс</translation>
    </message>
    <message>
        <source>a plain function (&apos;def&apos;)</source>
        <translation>обычная функция (&apos;def&apos;)</translation>
    </message>
    <message>
        <source>&apos;break&apos;</source>
        <translation>&apos;break&apos;</translation>
    </message>
    <message>
        <source>&apos;continue&apos;</source>
        <translation>&apos;continue&apos;</translation>
    </message>
    <message>
        <source>&apos;global&apos;</source>
        <translation>&apos;global&apos;</translation>
    </message>
    <message>
        <source>&apos;nonlocal&apos;</source>
        <translation>&apos;nonlocal&apos;</translation>
    </message>
    <message>
        <source>&apos;assert&apos;</source>
        <translation>&apos;assert&apos;</translation>
    </message>
    <message>
        <source>&apos;match&apos;</source>
        <translation>&apos;match&apos;</translation>
    </message>
    <message>
        <source>&apos;except*&apos;</source>
        <translation>&apos;except*&apos;</translation>
    </message>
    <message>
        <source>&apos;import&apos;</source>
        <translation>&apos;import&apos;</translation>
    </message>
    <message>
        <source>&apos;from ... import&apos;</source>
        <translation>&apos;from ... import&apos;</translation>
    </message>
    <message>
        <source>a lambda</source>
        <translation>лямбда-функция</translation>
    </message>
    <message>
        <source>a conditional expression</source>
        <translation>условное выражение</translation>
    </message>
    <message>
        <source>a list comprehension</source>
        <translation>генератор списка</translation>
    </message>
    <message>
        <source>a set comprehension</source>
        <translation>генератор множества</translation>
    </message>
    <message>
        <source>a dict comprehension</source>
        <translation>генератор словаря</translation>
    </message>
    <message>
        <source>a generator expression</source>
        <translation>выражение-генератор</translation>
    </message>
    <message>
        <source>arithmetic</source>
        <translation>арифметика</translation>
    </message>
    <message>
        <source>&apos;and&apos;/&apos;or&apos;</source>
        <translation>&apos;and&apos;/&apos;or&apos;</translation>
    </message>
    <message>
        <source>a comparison</source>
        <translation>сравнение</translation>
    </message>
    <message>
        <source>this operator</source>
        <translation>этот оператор</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>список</translation>
    </message>
    <message>
        <source>a tuple</source>
        <translation>кортеж</translation>
    </message>
    <message>
        <source>a dict</source>
        <translation>словарь</translation>
    </message>
    <message>
        <source>a set</source>
        <translation>множество</translation>
    </message>
    <message>
        <source>subscripts and slices</source>
        <translation>индексы и срезы</translation>
    </message>
    <message>
        <source>this attribute</source>
        <translation>этот атрибут</translation>
    </message>
    <message>
        <source>&apos;yield&apos;</source>
        <translation>&apos;yield&apos;</translation>
    </message>
    <message>
        <source>&apos;yield from&apos;</source>
        <translation>&apos;yield from&apos;</translation>
    </message>
    <message>
        <source>&apos;:=&apos;</source>
        <translation>&apos;:=&apos;</translation>
    </message>
    <message>
        <source>&apos;*&apos; unpacking</source>
        <translation>распаковка &apos;*&apos;</translation>
    </message>
    <message>
        <source>&apos;await&apos; inside an expression</source>
        <translation>&apos;await&apos; внутри выражения</translation>
    </message>
    <message>
        <source>this call</source>
        <translation>этот вызов</translation>
    </message>
    <message>
        <source>an f-string here</source>
        <translation>f-строка в этом месте</translation>
    </message>
    <message>
        <source>a variable</source>
        <translation>переменная</translation>
    </message>
    <message>
        <source>this constant</source>
        <translation>эта константа</translation>
    </message>
    <message>
        <source>no &apos;async def&apos; coroutine and no asyncio.run(...): a Tusk program is coroutines started by asyncio.run(main()); write them and import again</source>
        <translation>нет ни сопрограмм &apos;async def&apos;, ни asyncio.run(...): программа Tusk — это сопрограммы, которые запускает asyncio.run(main()); напишите их и импортируйте снова</translation>
    </message>
    <message>
        <source>no asyncio.run(...) call, so the program would run nothing; add asyncio.run(%1()) at the end to name the coroutine that starts it</source>
        <translation>нет вызова asyncio.run(...), и программа ничего не запустила бы; добавьте в конец asyncio.run(%1()), чтобы указать сопрограмму, с которой она начинается</translation>
    </message>
    <message>
        <source>%1 is not supported by Tusk yet; %2</source>
        <translation>%1 пока не поддерживается в Tusk; %2</translation>
    </message>
    <message>
        <source>exception type %1 is not supported by Tusk yet; Tusk knows %2</source>
        <translation>тип исключения %1 пока не поддерживается в Tusk; Tusk знает %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos;</source>
        <translation>&apos;%1&apos;</translation>
    </message>
    <message>
        <source>an &apos;else&apos; after the __main__ guard is not supported by Tusk yet; remove it</source>
        <translation>&apos;else&apos; после проверки __main__ пока не поддерживается в Tusk; уберите его</translation>
    </message>
    <message>
        <source>plain functions (&apos;def %1&apos;) are not supported by Tusk yet; make it an &apos;async def&apos; coroutine if it awaits, or write what it does into the coroutines that call it</source>
        <translation>обычные функции (&apos;def %1&apos;) пока не поддерживаются в Tusk; сделайте её сопрограммой &apos;async def&apos;, если она ждёт, или перенесите то, что она делает, в вызывающие её сопрограммы</translation>
    </message>
    <message>
        <source>an import inside the __main__ guard is not supported by Tusk yet; move it to the top</source>
        <translation>import внутри проверки __main__ пока не поддерживается в Tusk; перенесите его в начало</translation>
    </message>
    <message>
        <source>%1 at the top level of the program is not supported by Tusk yet: a Tusk program is imports, &apos;async def&apos; coroutines and asyncio.run(main()); move it into a coroutine or remove it</source>
        <translation>%1 на верхнем уровне программы пока не поддерживается в Tusk: программа Tusk — это импорты, сопрограммы &apos;async def&apos; и asyncio.run(main()); перенесите это в сопрограмму или уберите</translation>
    </message>
    <message>
        <source>asyncio.%1 is not supported by Tusk yet%2; remove it and what uses it</source>
        <translation>asyncio.%1 пока не поддерживается в Tusk%2; уберите его и то, что его использует</translation>
    </message>
    <message>
        <source> (a later version brings it)</source>
        <translation> (появится в одной из следующих версий)</translation>
    </message>
    <message>
        <source>a second asyncio.run(): a Tusk program has one entry coroutine; keep one asyncio.run(...) and await the other coroutines from it</source>
        <translation>второй asyncio.run(): у программы Tusk одна точка входа; оставьте один asyncio.run(...) и ждите остальные сопрограммы из неё</translation>
    </message>
    <message>
        <source>asyncio.run() options (debug=...) are not supported by Tusk yet; remove them</source>
        <translation>параметры asyncio.run() (debug=...) пока не поддерживаются в Tusk; уберите их</translation>
    </message>
    <message>
        <source>asyncio.run() takes a call of the entry coroutine, as in asyncio.run(main()); write it that way</source>
        <translation>asyncio.run() принимает вызов сопрограммы-точки входа, например asyncio.run(main()); запишите так</translation>
    </message>
    <message>
        <source>asyncio.run() starts &apos;%1&apos;, which is not an &apos;async def&apos; coroutine of this program; define it or start another one</source>
        <translation>asyncio.run() запускает &apos;%1&apos;, но это не сопрограмма &apos;async def&apos; этой программы; определите её или запустите другую</translation>
    </message>
    <message>
        <source>the entry coroutine takes no arguments in Tusk; call asyncio.run(%1()) and give &apos;%1&apos; its values inside</source>
        <translation>в Tusk сопрограмма-точка входа не принимает аргументов; вызовите asyncio.run(%1()) и задайте значения внутри &apos;%1&apos;</translation>
    </message>
    <message>
        <source>decorators are not supported by Tusk yet; remove it</source>
        <translation>декораторы пока не поддерживаются в Tusk; уберите декоратор</translation>
    </message>
    <message>
        <source>positional-only parameters (&apos;/&apos;) are not supported by Tusk yet; remove the &apos;/&apos;</source>
        <translation>чисто позиционные параметры (&apos;/&apos;) пока не поддерживаются в Tusk; уберите &apos;/&apos;</translation>
    </message>
    <message>
        <source>keyword-only parameters are not supported by Tusk yet; make &apos;%1&apos; an ordinary parameter</source>
        <translation>параметры только по имени пока не поддерживаются в Tusk; сделайте &apos;%1&apos; обычным параметром</translation>
    </message>
    <message>
        <source>&apos;*%1&apos; parameters are not supported by Tusk yet; name each parameter</source>
        <translation>параметры &apos;*%1&apos; пока не поддерживаются в Tusk; назовите каждый параметр</translation>
    </message>
    <message>
        <source>&apos;**%1&apos; parameters are not supported by Tusk yet; name each parameter</source>
        <translation>параметры &apos;**%1&apos; пока не поддерживаются в Tusk; назовите каждый параметр</translation>
    </message>
    <message>
        <source>default values of parameters are not supported by Tusk yet; remove it and pass the value in every call</source>
        <translation>значения параметров по умолчанию пока не поддерживаются в Tusk; уберите его и передавайте значение в каждом вызове</translation>
    </message>
    <message>
        <source>a coroutine inside a coroutine is not supported by Tusk yet; move &apos;async def %1&apos; to the top level</source>
        <translation>сопрограмма внутри сопрограммы пока не поддерживается в Tusk; перенесите &apos;async def %1&apos; на верхний уровень</translation>
    </message>
    <message>
        <source>loop with &apos;for NAME in range(N)&apos; instead</source>
        <translation>вместо этого используйте цикл &apos;for ИМЯ in range(N)&apos;</translation>
    </message>
    <message>
        <source>TaskGroup, locks and timeouts come with a later version; remove it</source>
        <translation>TaskGroup, блокировки и тайм-ауты появятся в одной из следующих версий; уберите это</translation>
    </message>
    <message>
        <source>&apos;yield&apos; makes &apos;%1&apos; an async generator, which Tusk does not support yet; return a result instead, or print where it would yield</source>
        <translation>&apos;yield&apos; делает &apos;%1&apos; асинхронным генератором, а их Tusk пока не поддерживает; верните результат или печатайте там, где было бы yield</translation>
    </message>
    <message>
        <source>calling the coroutine &apos;%1&apos; without &apos;await&apos; only creates it (Python warns &quot;coroutine was never awaited&quot;); write &apos;await %1(...)&apos; or asyncio.create_task(%1(...))</source>
        <translation>вызов сопрограммы &apos;%1&apos; без &apos;await&apos; только создаёт её (Python предупреждает «coroutine was never awaited»); напишите &apos;await %1(...)&apos; или asyncio.create_task(%1(...))</translation>
    </message>
    <message>
        <source>asyncio.%1() is not supported by Tusk yet%2; %3</source>
        <translation>asyncio.%1() пока не поддерживается в Tusk%2; %3</translation>
    </message>
    <message>
        <source>calling %1() is not supported by Tusk yet; %2</source>
        <translation>вызов %1() пока не поддерживается в Tusk; %2</translation>
    </message>
    <message>
        <source>&apos;raise ... from ...&apos; is not supported by Tusk yet; remove the &apos;from&apos; part</source>
        <translation>&apos;raise ... from ...&apos; пока не поддерживается в Tusk; уберите часть &apos;from&apos;</translation>
    </message>
    <message>
        <source>an exception with more than one argument is not supported by Tusk yet; give it one message</source>
        <translation>исключение с несколькими аргументами пока не поддерживается в Tusk; передайте одно сообщение</translation>
    </message>
    <message>
        <source>&apos;try ... else&apos; is not supported by Tusk yet; move the &apos;else&apos; block to the end of the &apos;try&apos; body</source>
        <translation>&apos;try ... else&apos; пока не поддерживается в Tusk; перенесите блок &apos;else&apos; в конец тела &apos;try&apos;</translation>
    </message>
    <message>
        <source>catching several types in one &apos;except&apos; is not supported by Tusk yet; write one &apos;except&apos; clause per type</source>
        <translation>перехват нескольких типов в одном &apos;except&apos; пока не поддерживается в Tusk; напишите по одному &apos;except&apos; на тип</translation>
    </message>
    <message>
        <source>awaiting %1 is not supported by Tusk yet; await a task variable, a coroutine call, asyncio.sleep() or asyncio.gather()</source>
        <translation>ожидание (%1) пока не поддерживается в Tusk; ждите переменную с задачей, вызов сопрограммы, asyncio.sleep() или asyncio.gather()</translation>
    </message>
    <message>
        <source>keeping the result of asyncio.sleep() is not supported by Tusk yet; remove the assignment</source>
        <translation>сохранение результата asyncio.sleep() пока не поддерживается в Tusk; уберите присваивание</translation>
    </message>
    <message>
        <source>asyncio.sleep()&apos;s argument &apos;%1&apos; is not supported by Tusk yet; give the seconds only</source>
        <translation>аргумент &apos;%1&apos; у asyncio.sleep() пока не поддерживается в Tusk; передайте только секунды</translation>
    </message>
    <message>
        <source>asyncio.sleep() takes the seconds to sleep in Tusk (its &apos;result&apos; comes with a later version); write asyncio.sleep(SECONDS)</source>
        <translation>в Tusk asyncio.sleep() принимает число секунд (&apos;result&apos; появится в одной из следующих версий); напишите asyncio.sleep(СЕКУНДЫ)</translation>
    </message>
    <message>
        <source>asyncio.gather() takes only return_exceptions=True or False in Tusk; remove this argument</source>
        <translation>в Tusk asyncio.gather() принимает только return_exceptions=True или False; уберите этот аргумент</translation>
    </message>
    <message>
        <source>asyncio.%1() takes a call of a coroutine of this program in Tusk, as in asyncio.create_task(worker())</source>
        <translation>в Tusk asyncio.%1() принимает вызов сопрограммы этой программы, например asyncio.create_task(worker())</translation>
    </message>
    <message>
        <source>asyncio.%1()&apos;s argument &apos;%2&apos; is not supported by Tusk yet; remove it</source>
        <translation>аргумент &apos;%2&apos; у asyncio.%1() пока не поддерживается в Tusk; уберите его</translation>
    </message>
    <message>
        <source>task.cancel() takes one message in Tusk; write %1.cancel(&quot;why&quot;)</source>
        <translation>в Tusk task.cancel() принимает одно сообщение; напишите %1.cancel(&quot;почему&quot;)</translation>
    </message>
    <message>
        <source>&apos;*&apos; unpacking in a call is not supported by Tusk yet; pass each argument</source>
        <translation>распаковка &apos;*&apos; в вызове пока не поддерживается в Tusk; передайте каждый аргумент</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes %2 but %3 given; remove the extra arguments</source>
        <translation>&apos;%1&apos; принимает %2, а передано %3; уберите лишние аргументы</translation>
    </message>
    <message>
        <source>no arguments</source>
        <translation>аргументов: 0</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>1 argument</source>
        <translation>аргументов: 1</translation>
    </message>
    <message>
        <source>%1 arguments</source>
        <translation>аргументов: %1</translation>
    </message>
    <message>
        <source>1 was</source>
        <translation>1</translation>
    </message>
    <message>
        <source>%1 were</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>&apos;**&apos; unpacking in a call is not supported by Tusk yet; pass each argument</source>
        <translation>распаковка &apos;**&apos; в вызове пока не поддерживается в Tusk; передайте каждый аргумент</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no parameter &apos;%2&apos;; use one of its parameters (%3)</source>
        <translation>у &apos;%1&apos; нет параметра &apos;%2&apos;; используйте один из её параметров (%3)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; gets two values for &apos;%2&apos;; pass it once</source>
        <translation>&apos;%1&apos; получает два значения для &apos;%2&apos;; передайте его один раз</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is called without its argument &apos;%2&apos;; pass a value for it</source>
        <translation>&apos;%1&apos; вызвана без аргумента &apos;%2&apos;; передайте для него значение</translation>
    </message>
    <message>
        <source>a sign applies to a number in Tusk; %1 is not supported yet</source>
        <translation>в Tusk знак ставится перед числом; %1 пока не поддерживается</translation>
    </message>
    <message>
        <source>integers beyond 64 bits are not supported by Tusk yet; use a smaller number</source>
        <translation>целые числа больше 64 бит пока не поддерживаются в Tusk; возьмите число поменьше</translation>
    </message>
    <message>
        <source>%1 values are not supported by Tusk yet; use a number, a string, True, False or None</source>
        <translation>значения %1 пока не поддерживаются в Tusk; используйте число, строку, True, False или None</translation>
    </message>
    <message>
        <source>%1 is not supported by Tusk yet: a step takes a literal (1, 0.5, &quot;text&quot;, True, None) or a variable, and expressions come with a later version</source>
        <translation>%1 пока не поддерживается в Tusk: шаг принимает литерал (1, 0.5, &quot;текст&quot;, True, None) или переменную, а выражения появятся в одной из следующих версий</translation>
    </message>
    <message>
        <source>print(..., end=...) is not supported by Tusk yet: a print step prints one whole line; put the text into one print</source>
        <translation>print(..., end=...) пока не поддерживается в Tusk: шаг print печатает целую строку; соберите текст в один print</translation>
    </message>
    <message>
        <source>print(..., file=...) is not supported by Tusk yet: Tusk prints to standard output; remove it</source>
        <translation>print(..., file=...) пока не поддерживается в Tusk: Tusk печатает в стандартный вывод; уберите это</translation>
    </message>
    <message>
        <source>print()&apos;s argument &apos;%1&apos; is not supported by Tusk yet; remove it</source>
        <translation>аргумент &apos;%1&apos; у print() пока не поддерживается в Tusk; уберите его</translation>
    </message>
    <message>
        <source>print(*values) is not supported by Tusk yet; print each value</source>
        <translation>print(*values) пока не поддерживается в Tusk; печатайте каждое значение</translation>
    </message>
    <message>
        <source>printing what &apos;await&apos; gives directly is not supported by Tusk yet; keep it in a variable first (x = await ...) and print the variable</source>
        <translation>печать результата &apos;await&apos; напрямую пока не поддерживается в Tusk; сначала сохраните его в переменной (x = await ...) и напечатайте её</translation>
    </message>
    <message>
        <source>printing %1 is not supported by Tusk yet: print prints text, variables, task.done(), task.cancelled() and f-strings of them (expressions come with a later version)</source>
        <translation>печать (%1) пока не поддерживается в Tusk: print печатает текст, переменные, task.done(), task.cancelled() и f-строки из них (выражения появятся в одной из следующих версий)</translation>
    </message>
    <message>
        <source>joining %1 with &apos;+&apos; is not supported by Tusk yet; write one f-string instead</source>
        <translation>соединение (%1) через &apos;+&apos; пока не поддерживается в Tusk; напишите вместо этого одну f-строку</translation>
    </message>
    <message>
        <source>&apos;now&apos; is reserved by Tusk (in a template it is the time since the program started); rename the variable</source>
        <translation>имя &apos;now&apos; занято в Tusk (в шаблоне это время от запуска программы); переименуйте переменную</translation>
    </message>
    <message>
        <source>a field inside a format spec is not supported by Tusk yet; write the spec out, as in {x:&gt;8}</source>
        <translation>поле внутри спецификации формата пока не поддерживается в Tusk; запишите спецификацию явно, например {x:&gt;8}</translation>
    </message>
    <message>
        <source>braces in a format spec are not supported by Tusk; remove them</source>
        <translation>фигурные скобки в спецификации формата не поддерживаются в Tusk; уберите их</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>не удаётся прочитать файл: %1</translation>
    </message>
    <message>
        <source>python3 was not found: Tusk reads Python with CPython&apos;s own parser. Install the Debian package python3 (sudo apt install python3), or set TUSK_PYTHON to a python3 interpreter, and import again</source>
        <translation>python3 не найден: Tusk читает Python собственным парсером CPython. Установите пакет Debian python3 (sudo apt install python3) или укажите интерпретатор python3 в TUSK_PYTHON и импортируйте снова</translation>
    </message>
    <message>
        <source>cannot start %1 (%2): install the Debian package python3 (sudo apt install python3) and import again</source>
        <translation>не удаётся запустить %1 (%2): установите пакет Debian python3 (sudo apt install python3) и импортируйте снова</translation>
    </message>
    <message>
        <source>%1 did not finish reading the program within a minute; try again</source>
        <translation>%1 не дочитал программу за минуту; попробуйте ещё раз</translation>
    </message>
    <message>
        <source>%1 could not read the program (%2); Tusk needs Python 3.8 or newer</source>
        <translation>%1 не смог прочитать программу (%2); Tusk нужен Python 3.8 или новее</translation>
    </message>
    <message>
        <source>%1: %2 (Python cannot run the program either: correct the line)</source>
        <translation>%1: %2 (Python тоже не сможет её выполнить: исправьте строку)</translation>
    </message>
    <message>
        <source>rewrite it with what Tusk runs (assignments, if, while, for, try, print, sleep, create_task, await, gather, cancel, raise, return) or remove it</source>
        <translation>перепишите это тем, что выполняет Tusk (присваивания, if, while, for, try, print, sleep, create_task, await, gather, cancel, raise, return), или удалите</translation>
    </message>
    <message>
        <source>the module &apos;%1&apos; is not supported by Tusk yet (a Tusk program uses asyncio and random only); remove the import and what uses it</source>
        <translation>модуль «%1» Tusk пока не поддерживает (программа Tusk использует только asyncio и random); удалите импорт и то, что его использует</translation>
    </message>
    <message>
        <source>random.%1 is not supported by Tusk yet; Tusk has random.%2</source>
        <translation>random.%1 Tusk пока не поддерживает; в Tusk есть random.%2</translation>
    </message>
    <message>
        <source>random.seed() after asyncio.run() changes nothing the program runs; move it before asyncio.run() or remove it</source>
        <translation>random.seed() после asyncio.run() ничего не меняет в работе программы; перенесите его перед asyncio.run() или удалите</translation>
    </message>
    <message>
        <source>a program&apos;s random.seed() takes a whole number or a string in Tusk, as in random.seed(42); write the seed out</source>
        <translation>random.seed() программы принимает в Tusk целое число или строку, например random.seed(42); запишите зерно явно</translation>
    </message>
    <message>
        <source>assigning one value to several targets (a = b = ...) is not supported by Tusk yet; write one assignment per target</source>
        <translation>присваивание одного значения нескольким целям (a = b = ...) Tusk пока не поддерживает; напишите по присваиванию на каждую цель</translation>
    </message>
    <message>
        <source>keeping what &apos;await&apos; gives in anything but a variable is not supported by Tusk yet; await into a variable first (x = await ...), then assign it</source>
        <translation>сохранять результат «await» куда-либо, кроме переменной, Tusk пока не умеет; сначала сохраните его в переменную (x = await ...), затем присвойте</translation>
    </message>
    <message>
        <source>&apos;%1= await ...&apos; is not supported by Tusk yet; await into a variable first, then add it</source>
        <translation>«%1= await ...» Tusk пока не поддерживает; сначала сохраните результат await в переменную, затем прибавьте её</translation>
    </message>
    <message>
        <source>&apos;now&apos; is reserved by Tusk (in an expression it is the time since the program started); rename the variable</source>
        <translation>имя «now» зарезервировано в Tusk (в выражении это время от запуска программы); переименуйте переменную</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>&apos;now&apos; is reserved by Tusk (it is the time since the program started); rename the variable</source>
        <translation>имя «now» зарезервировано в Tusk (это время от запуска программы); переименуйте переменную</translation>
    </message>
    <message>
        <source>a backslash cannot stand inside an f-string&apos;s braces in Python 3.11; keep the value in a variable first</source>
        <translation>в Python 3.11 обратная косая черта не может стоять внутри фигурных скобок f-строки; сначала сохраните значение в переменную</translation>
    </message>
    <message>
        <source>this expression cannot stand inside an f-string&apos;s braces; keep it in a variable first</source>
        <translation>это выражение не может стоять внутри фигурных скобок f-строки; сначала сохраните его в переменную</translation>
    </message>
</context>
<context>
    <name>tusk::RunControls</name>
    <message>
        <source>Instant</source>
        <translation>Мгновенно</translation>
    </message>
    <message>
        <source>%1× real time</source>
        <translation>%1× реального времени</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Пр&amp;одолжить</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>Resume the paused program (F6)</source>
        <translation>Продолжить приостановленную программу (F6)</translation>
    </message>
    <message>
        <source>Pause the running program (F6)</source>
        <translation>Приостановить выполняющуюся программу (F6)</translation>
    </message>
    <message>
        <source>Paused at %1 — edits apply to the next run</source>
        <translation>Пауза на %1 — правки вступят в силу при следующем запуске</translation>
    </message>
    <message>
        <source>S&amp;tep</source>
        <translation>&amp;Шаг</translation>
    </message>
    <message>
        <source>Run one iteration of the event loop (F10)</source>
        <translation>Выполнить одну итерацию цикла событий (F10)</translation>
    </message>
    <message>
        <source>R&amp;estart</source>
        <translation>П&amp;ерезапустить</translation>
    </message>
    <message>
        <source>Stop the run and start it again from the beginning</source>
        <translation>Остановить выполнение и начать заново</translation>
    </message>
    <message>
        <source>Export &amp;Trace…</source>
        <translation>Экспорт &amp;трассировки…</translation>
    </message>
    <message>
        <source>Save the last run as a Chrome trace (opens in Perfetto)</source>
        <translation>Сохранить последний запуск как трассировку Chrome (открывается в Perfetto)</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>&amp;Скорость</translation>
    </message>
    <message>
        <source>How fast the program runs: Instant jumps over every sleep</source>
        <translation>Скорость выполнения: «Мгновенно» пропускает ожидание в каждом sleep</translation>
    </message>
    <message>
        <source>There is no run to export yet.</source>
        <translation>Пока нечего экспортировать: программа ещё не запускалась.</translation>
    </message>
    <message>
        <source>Running at %1, %2 — edits apply to the next run</source>
        <translation>Выполняется: %1, %2 — правки вступят в силу при следующем запуске</translation>
    </message>
    <message>
        <source>Showing %1 of %2: a past moment of the run</source>
        <translation>Показан момент %1 из %2: прошлое состояние запуска</translation>
    </message>
    <message>
        <source>Back to the End</source>
        <translation>Вернуться к концу</translation>
    </message>
    <message>
        <source>Show the end of the run again (End in the timeline)</source>
        <translation>Снова показать конец запуска (End на временной шкале)</translation>
    </message>
</context>
<context>
    <name>tusk::RunOverlay</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>%1 waits for %2</source>
        <translation>%1 ждёт %2</translation>
    </message>
    <message>
        <source>%1 waits along this arrow, for example:
%2</source>
        <translation>Ожиданий на этой стрелке: %1, например:
%2</translation>
    </message>
</context>
<context>
    <name>tusk::RunStyle</name>
    <message>
        <source>Pending</source>
        <translation>Ожидает запуска</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готова</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Sleeping</source>
        <translation>Спит</translation>
    </message>
    <message>
        <source>Waiting for a task</source>
        <translation>Ждёт задачу</translation>
    </message>
    <message>
        <source>Waiting for a gather</source>
        <translation>Ждёт gather</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 до %2</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Ждёт %1</translation>
    </message>
    <message>
        <source>Waiting for a gather: %1 of %2 left</source>
        <translation>Ждёт gather: осталось %1 из %2</translation>
    </message>
</context>
<context>
    <name>tusk::StepInfo</name>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Create task</source>
        <translation>Создать задачу</translation>
    </message>
    <message>
        <source>Await</source>
        <translation>Ожидать</translation>
    </message>
    <message>
        <source>Gather</source>
        <translation>Собрать</translation>
    </message>
    <message>
        <source>Cancel task</source>
        <translation>Отменить задачу</translation>
    </message>
    <message>
        <source>Raise</source>
        <translation>Исключение</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Try / except</source>
        <translation>Try / except</translation>
    </message>
    <message>
        <source>Prints a line. {name} inserts a variable, {now:.1f} the seconds since the program started.</source>
        <translation>Печатает строку. {name} подставляет переменную, {now:.1f} — секунды от запуска программы.</translation>
    </message>
    <message>
        <source>Suspends this coroutine for some seconds. Meanwhile the event loop runs other tasks.</source>
        <translation>Приостанавливает эту сопрограмму на несколько секунд. Тем временем цикл событий выполняет другие задачи.</translation>
    </message>
    <message>
        <source>Schedules a coroutine to run as a new task and keeps going: the task starts only when this coroutine suspends.</source>
        <translation>Ставит сопрограмму в очередь как новую задачу и продолжает работу: задача начнётся, только когда эта сопрограмма приостановится.</translation>
    </message>
    <message>
        <source>Waits until a task finishes, or calls a coroutine and waits for its result.</source>
        <translation>Ждёт, пока задача завершится, или вызывает сопрограмму и ждёт её результата.</translation>
    </message>
    <message>
        <source>Runs several tasks or calls concurrently and waits for all of them; the result is the list of their results.</source>
        <translation>Выполняет несколько задач или вызовов конкурентно и ждёт их все; результат — список их результатов.</translation>
    </message>
    <message>
        <source>Asks a task to stop: CancelledError is raised inside it where it waits.</source>
        <translation>Просит задачу остановиться: внутри неё, там, где она ждёт, возбуждается CancelledError.</translation>
    </message>
    <message>
        <source>Raises an exception; inside an except block, a bare raise re-raises the one being handled.</source>
        <translation>Возбуждает исключение; внутри блока except raise без типа повторно возбуждает обрабатываемое.</translation>
    </message>
    <message>
        <source>Ends this coroutine, optionally with a result for whoever awaits it.</source>
        <translation>Завершает эту сопрограмму, при желании с результатом для того, кто её ожидает.</translation>
    </message>
    <message>
        <source>Runs the steps inside a number of times.</source>
        <translation>Выполняет вложенные шаги заданное число раз.</translation>
    </message>
    <message>
        <source>Runs the steps inside and handles the exceptions they raise.</source>
        <translation>Выполняет вложенные шаги и обрабатывает возбуждённые в них исключения.</translation>
    </message>
    <message>
        <source>Coroutine</source>
        <translation>Сопрограмма</translation>
    </message>
    <message>
        <source>A coroutine: an async function made of steps. Drop it on the canvas, then drop steps onto it.</source>
        <translation>Сопрограмма — асинхронная функция из шагов. Перетащите её на холст, а затем перетаскивайте на неё шаги.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Присвоить</translation>
    </message>
    <message>
        <source>Computes a value and keeps it in a variable (or adds to it, with +=).</source>
        <translation>Вычисляет значение и сохраняет его в переменной (или прибавляет к ней, с +=).</translation>
    </message>
    <message>
        <source>If</source>
        <translation>Если</translation>
    </message>
    <message>
        <source>Runs the steps inside only when the condition is true; else the else block.</source>
        <translation>Выполняет вложенные шаги, только если условие истинно; иначе — блок else.</translation>
    </message>
    <message>
        <source>While</source>
        <translation>Пока</translation>
    </message>
    <message>
        <source>Runs the steps inside again and again while the condition is true.</source>
        <translation>Выполняет вложенные шаги снова и снова, пока условие истинно.</translation>
    </message>
    <message>
        <source>For each</source>
        <translation>Для каждого</translation>
    </message>
    <message>
        <source>Runs the steps inside once for each item of a list, range or string.</source>
        <translation>Выполняет вложенные шаги по разу для каждого элемента списка, диапазона или строки.</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Leaves the loop it is in at once.</source>
        <translation>Сразу выходит из цикла, в котором находится.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Skips the rest of this round of the loop.</source>
        <translation>Пропускает остаток текущего прохода цикла.</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Пропуск</translation>
    </message>
    <message>
        <source>Does nothing: a place holder where Python needs a step.</source>
        <translation>Ничего не делает: заполнитель там, где Python нужен шаг.</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Вычислить</translation>
    </message>
    <message>
        <source>Evaluates an expression for its effect, such as adding to a list.</source>
        <translation>Вычисляет выражение ради его действия, например добавления в список.</translation>
    </message>
</context>
<context>
    <name>tusk::StepRow</name>
    <message>
        <source>Drag from the dot on the right onto a coroutine to call it.</source>
        <translation>Перетащите точку справа на сопрограмму, чтобы вызвать её.</translation>
    </message>
</context>
<context>
    <name>tusk::TaskTableModel</name>
    <message>
        <source>%1 until %2</source>
        <translation>%1 до %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Задача</translation>
    </message>
    <message>
        <source>Coroutine</source>
        <translation>Сопрограмма</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Завершена</translation>
    </message>
    <message>
        <source>Result or exception</source>
        <translation>Результат или исключение</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Переменная</translation>
    </message>
</context>
<context>
    <name>tusk::TasksPanel</name>
    <message>
        <source>All states</source>
        <translation>Все состояния</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Незавершённые</translation>
    </message>
    <message>
        <source>Filter by task, coroutine or variable</source>
        <translation>Фильтр по задаче, корутине или переменной</translation>
    </message>
</context>
<context>
    <name>tusk::TimelineWidget</name>
    <message>
        <source>%1
%2 at %3</source>
        <translation>%1
%2 в %3</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Ждёт %1</translation>
    </message>
    <message>
        <source>from %1, still at %2</source>
        <translation>с %1, всё ещё на %2</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>с %1 до %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>created</source>
        <translation>создана</translation>
    </message>
    <message>
        <source>awaited task finished</source>
        <translation>ожидаемая задача завершилась</translation>
    </message>
</context>
</TS>
