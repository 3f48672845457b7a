// The run console's view: line formats, appending ten thousand lines in a frame, following the
// end, mouse and keyboard selection (Russian and wide characters included), copying, the line
// limit, the placeholder, the context menu and a theme switch, all with real input events.
#include "consoleview.h"
#include "theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>
#include <memory>

using namespace tusk;
using Tone = ConsoleView::Tone;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

std::unique_ptr<ConsoleView> shownView(int width = 600, int height = 200)
{
    auto view = std::make_unique<ConsoleView>();
    view->resize(width, height);
    view->show();
    view->activateWindow();
    view->setFocus();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    // On a real X server activation comes a little later than exposure, and focus with it.
    if (!QTest::qWaitForWindowActive(view.get()))
        return nullptr;
    view->setFocus();
    return view;
}

/// Where column `column` of line `line` starts, from the font metrics alone (1 px into the
/// character, so that a click there puts the cursor before it).
QPoint boundaryPoint(ConsoleView *view, std::size_t line, int column)
{
    const QRect r = view->lineRect(line);
    const QFontMetricsF fm(view->font());
    const qreal x = r.left() + fm.horizontalAdvance(view->lineText(line).left(column));
    return QPoint(int(std::floor(x)) + 1, r.center().y());
}

/// The middle of the character at `column`.
QPoint characterPoint(ConsoleView *view, std::size_t line, int column)
{
    const QRect r = view->lineRect(line);
    const QFontMetricsF fm(view->font());
    const QString text = view->lineText(line);
    const qreal x = r.left() + fm.horizontalAdvance(text.left(column)) + fm.horizontalAdvance(text.mid(column, 1)) / 2;
    return QPoint(qRound(x), r.center().y());
}

void drag(QWidget *viewport, const QPoint &from, const QPoint &to)
{
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, to);
}

/// The colour a widget shows at a point in its own (logical) coordinates. A grab holds device
/// pixels: at 144 DPI or a scale factor of 2 there are more of them than logical ones.
QColor colourOnScreen(QWidget *widget, const QPoint &logical)
{
    const QImage image = widget->grab().toImage();
    return image.pixelColor((QPointF(logical) * image.devicePixelRatio()).toPoint());
}

int pixelsUnlike(const QImage &image, const QColor &color)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y).rgb() != color.rgb();
    return n;
}

}  // namespace

class TestConsoleView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void lineFormats();
    void appendAndPaintAreFast_data();
    void appendAndPaintAreFast();
    void followsTheEndUnlessScrolledUp();
    void dragSelectsAcrossLines();
    void dragHitTestsWideAndRussianText();
    void tabsAlignToTheTextColumn();
    void shiftClickStampClickAndTripleClick();
    void copyPutsSelectionOnClipboard();
    void doubleClickSelectsRussianWord();
    void selectAllThenCopyEqualsPlainText();
    void maximumLineCountDropsOldest();
    void droppingKeepsTheScrolledView();
    void clearEmptiesEverything();
    void placeholderPaintedWhenEmpty();
    void selectionSurvivesAppends();
    void dragPastTheBottomAutoScrolls();
    void longLinesScrollHorizontally();
    void longLinesWrapWhenAsked();
    void contextMenuShowsActions();
    void themeSwitchRecoloursAndKeepsState();
    void screenshot();
};

void TestConsoleView::initTestCase()
{
    Theme::initResources();
    Theme::apply(Theme::Mode::Light);
}

void TestConsoleView::lineFormats()
{
    ConsoleView view;
    QVERIFY(view.objectName().isEmpty());
    view.setObjectName(QStringLiteral("output"));
    QCOMPARE(view.objectName(), QStringLiteral("output"));
    view.appendLine(kSecond, QStringLiteral("hello"), Tone::Text);
    view.appendLine(-1, QStringLiteral("asyncio.run(main())"), Tone::Muted, true);
    view.appendLine(12'345'000'000, QStringLiteral("later"), Tone::TaskA);
    view.appendLine(0, QString(), Tone::Error);
    QCOMPARE(view.lineCount(), std::size_t(4));
    QCOMPARE(view.lineText(0), QStringLiteral("  1.0 s  hello"));
    QCOMPARE(view.lineText(1), QStringLiteral("         asyncio.run(main())"));
    QCOMPARE(view.lineText(2), QStringLiteral(" 12.3 s  later"));
    QCOMPARE(view.lineText(3), QStringLiteral("  0.0 s  "));
    QCOMPARE(view.lineText(4), QString());
    QCOMPARE(
        view.toPlainText(), QStringLiteral("  1.0 s  hello\n         asyncio.run(main())\n 12.3 s  later\n  0.0 s  "));
    QCOMPARE(ConsoleView::stamp(-5), QString(9, QLatin1Char(' ')));
    QVERIFY(!view.hasSelection());
    QCOMPARE(view.selectedText(), QString());
}

void TestConsoleView::appendAndPaintAreFast_data()
{
    QTest::addColumn<bool>("wrap");
    QTest::newRow("scrolling") << false;
    QTest::newRow("wrapping") << true;  // the console panel's default
}

void TestConsoleView::appendAndPaintAreFast()
{
    QFETCH(bool, wrap);
    auto view = shownView(700, 300);
    QVERIFY(view);
    view->setWrapLines(wrap);
    view->appendLine(0, QStringLiteral("warm-up"), Tone::Text);
    view->grab();  // font loading and the first paint are not what is measured
    view->clear();

    constexpr int kLines = 10'000;
    QStringList texts;
    texts.reserve(kLines);
    for (int i = 0; i < kLines; ++i)
        texts << QStringLiteral("task %1 says hello").arg(i);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kLines; ++i)
        view->appendLine(std::int64_t(i) * 1'000'000, texts.at(i), Tone(i % 7));
    const qint64 appendNs = timer.nsecsElapsed();
    QCOMPARE(view->lineCount(), std::size_t(kLines));
    // Lazy: the scroll bar learns about the lines once per event-loop turn, not per line...
    QCOMPARE(view->verticalScrollBar()->maximum(), 0);
    // ...but a paint right away already shows the end.
    timer.restart();
    const QImage first = view->grab().toImage();
    const qint64 paintNs = timer.nsecsElapsed();
    QVERIFY(!view->lineRect(kLines - 1).isEmpty());
    QVERIFY(pixelsUnlike(first, view->palette().color(QPalette::Base)) > 100);

    // A million lines paint no slower than ten thousand: only the visible lines are laid out
    // (and these are new lines, so they are laid out here, not found in a cache).
    view->reserve(1'000'000);
    for (int i = kLines; i < 1'000'000; ++i)
        view->appendLine(i, texts.at(i % kLines), Tone::Text);
    QCOMPARE(view->lineCount(), std::size_t(1'000'000));
    timer.restart();
    view->grab();
    const qint64 bigPaintNs = timer.nsecsElapsed();
    QCoreApplication::processEvents();
    // The default limit is a million: one more drops the oldest.
    view->appendLine(-1, QStringLiteral("one more"), Tone::Text);
    QCOMPARE(view->lineCount(), std::size_t(1'000'000));
    QCOMPARE(view->lineText(0), ConsoleView::stamp(1'000'000) + texts.at(1));
    QCOMPARE(view->lineText(999'999), QString(9, QLatin1Char(' ')) + QStringLiteral("one more"));
    QCoreApplication::processEvents();
    qInfo("10,000 appends: %.3f ms; paint after: %.2f ms; paint of %zu lines: %.2f ms", appendNs / 1e6, paintNs / 1e6,
        view->lineCount(), bigPaintNs / 1e6);
    QVERIFY2(appendNs < 50'000'000, qPrintable(QString::number(appendNs / 1e6)));
    QVERIFY2(paintNs < 100'000'000, qPrintable(QString::number(paintNs / 1e6)));
    QVERIFY2(bigPaintNs < 100'000'000, qPrintable(QString::number(bigPaintNs / 1e6)));
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
}

void TestConsoleView::followsTheEndUnlessScrolledUp()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    QWidget *viewport = view->viewport();
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(view->isAtEnd());  // an empty view follows
    for (int i = 0; i < 100; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view->isAtEnd());
    QVERIFY(!view->lineRect(99).isEmpty());
    QVERIFY(view->lineRect(0).isEmpty());

    for (int i = 100; i < 150; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!view->lineRect(149).isEmpty());

    // Scrolled up: new lines do not move the view.
    QTest::keyClick(viewport, Qt::Key_PageUp);
    QVERIFY(!view->isAtEnd());
    const std::size_t first = view->firstVisibleLine();
    QVERIFY(first < 140);
    const int value = bar->value();
    for (int i = 150; i < 200; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    QCOMPARE(view->firstVisibleLine(), first);
    QCOMPARE(bar->value(), value);
    QVERIFY(bar->maximum() > value);
    QVERIFY(view->lineRect(199).isEmpty());

    // The wheel scrolls.
    QWheelEvent wheel(QPointF(50, 50), QPointF(viewport->mapToGlobal(QPoint(50, 50))), QPoint(), QPoint(0, 120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    QVERIFY(view->firstVisibleLine() < first);

    QTest::keyClick(viewport, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view->firstVisibleLine(), std::size_t(0));
    QTest::keyClick(viewport, Qt::Key_Down);
    QCOMPARE(view->firstVisibleLine(), std::size_t(1));
    QTest::keyClick(viewport, Qt::Key_PageDown);
    QVERIFY(view->firstVisibleLine() > 5);

    // Back at the end: following again.
    QTest::keyClick(viewport, Qt::Key_End, Qt::ControlModifier);
    QVERIFY(view->isAtEnd());
    view->appendLine(-1, QStringLiteral("last"), Tone::Muted);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!view->lineRect(200).isEmpty());

    // Dragging the scroll bar to the end is following too.
    bar->setValue(0);
    QVERIFY(!view->isAtEnd());
    bar->setValue(bar->maximum());
    QVERIFY(view->isAtEnd());
}

void TestConsoleView::dragSelectsAcrossLines()
{
    auto view = shownView();
    QVERIFY(view);
    view->appendLine(kSecond, QStringLiteral("alpha beta gamma"), Tone::Text);
    view->appendLine(2 * kSecond, QStringLiteral("delta epsilon"), Tone::TaskB);
    QCoreApplication::processEvents();
    QSignalSpy changed(view.get(), &ConsoleView::selectionChanged);

    drag(view->viewport(), boundaryPoint(view.get(), 0, 9 + 6), boundaryPoint(view.get(), 1, 9 + 5));
    QVERIFY(view->hasSelection());
    QCOMPARE(view->selectedText(), QStringLiteral("beta gamma\n  2.0 s  delta"));
    QVERIFY(changed.count() >= 1);

    // Upwards gives the same text.
    drag(view->viewport(), boundaryPoint(view.get(), 1, 9 + 5), boundaryPoint(view.get(), 0, 9 + 6));
    QCOMPARE(view->selectedText(), QStringLiteral("beta gamma\n  2.0 s  delta"));

    // Past the end of the text: to the end of the last line.
    drag(view->viewport(), boundaryPoint(view.get(), 0, 9 + 11), QPoint(590, 190));
    QCOMPARE(view->selectedText(), QStringLiteral("gamma\n  2.0 s  delta epsilon"));

    // A plain click clears it.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, boundaryPoint(view.get(), 0, 9 + 3));
    QVERIFY(!view->hasSelection());
    QCOMPARE(view->selectedText(), QString());
}

void TestConsoleView::dragHitTestsWideAndRussianText()
{
    auto view = shownView();
    QVERIFY(view);
    // Wide and fallback glyphs (CJK, arrows, emoji) are not one monospace cell each: the
    // columns must come from the text layout, not from x / char width.
    const QString text = QStringLiteral("任务一 → «Привет» 🙂 done");
    view->appendLine(kSecond, text, Tone::TaskC);
    view->appendLine(2 * kSecond, QStringLiteral("next"), Tone::Text);
    QCoreApplication::processEvents();
    const QString shown = view->lineText(0);
    const int from = int(shown.indexOf(QStringLiteral("Привет")));
    const int to = int(shown.indexOf(QStringLiteral("done"))) + 2;
    drag(view->viewport(), boundaryPoint(view.get(), 0, from), boundaryPoint(view.get(), 0, to));
    QCOMPARE(view->selectedText(), shown.mid(from, to - from));
    const QFontMetricsF fm(view->font());
    qInfo("width of 任务一🙂: %.1f px, 5 cells: %.1f px", fm.horizontalAdvance(QStringLiteral("任务一🙂")),
        5 * fm.horizontalAdvance(QLatin1Char('0')));
}

void TestConsoleView::tabsAlignToTheTextColumn()
{
    auto view = shownView();
    QVERIFY(view);
    view->appendLine(kSecond, QStringLiteral("a\tb"), Tone::Text);
    view->appendLine(-1, QStringLiteral("abcdefghij\tc"), Tone::Text);
    QCoreApplication::processEvents();
    // As in a terminal: tab stops every 8 cells from where the printed text starts.
    const qreal cell = QFontMetricsF(view->font()).horizontalAdvance(QLatin1Char('0'));
    auto doubleClickAtCell = [&](std::size_t line, qreal cells) {
        const QPoint p(view->lineRect(line).left() + qRound(cells * cell), view->lineRect(line).center().y());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, p);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, p);
        return view->selectedText();
    };
    QCOMPARE(doubleClickAtCell(0, 9 + 8 + 0.5), QStringLiteral("b"));
    QCOMPARE(doubleClickAtCell(1, 9 + 16 + 0.5), QStringLiteral("c"));
}

void TestConsoleView::shiftClickStampClickAndTripleClick()
{
    auto view = shownView();
    QVERIFY(view);
    QWidget *viewport = view->viewport();
    view->appendLine(kSecond, QStringLiteral("first line here"), Tone::Text);
    view->appendLine(-1, QStringLiteral("second line"), Tone::Warning);
    view->appendLine(3 * kSecond, QStringLiteral("third"), Tone::Error);
    QCoreApplication::processEvents();

    // A click in the stamp column selects the line.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, characterPoint(view.get(), 1, 3));
    QCOMPARE(view->selectedText(), view->lineText(1));
    QTest::mouseClick(viewport, Qt::LeftButton, {}, characterPoint(view.get(), 2, 4));
    QCOMPARE(view->selectedText(), QStringLiteral("  3.0 s  third"));

    // Shift+click extends from the last click.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, boundaryPoint(view.get(), 0, 9 + 6));
    QVERIFY(!view->hasSelection());
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::ShiftModifier, boundaryPoint(view.get(), 1, 9 + 6));
    QCOMPARE(view->selectedText(), QStringLiteral("line here\n         second"));

    // Triple click: the whole line.
    const QPoint p = characterPoint(view.get(), 0, 9 + 2);
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, p);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, p);
    QCOMPARE(view->selectedText(), QStringLiteral("first"));
    QTest::mouseClick(viewport, Qt::LeftButton, {}, p);
    QCOMPARE(view->selectedText(), view->lineText(0));
}

void TestConsoleView::copyPutsSelectionOnClipboard()
{
    auto view = shownView();
    QVERIFY(view);
    QVERIFY(view->hasFocus());
    QWidget *viewport = view->viewport();
    view->appendLine(kSecond, QStringLiteral("copy me please"), Tone::Text);
    view->appendLine(2 * kSecond, QStringLiteral("and me"), Tone::Text);
    QCoreApplication::processEvents();
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(QStringLiteral("sentinel"));
    QTest::keyClick(viewport, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), QStringLiteral("sentinel"));  // nothing selected, nothing copied

    drag(viewport, boundaryPoint(view.get(), 0, 9 + 5), boundaryPoint(view.get(), 1, 9 + 3));
    QTest::keyClick(viewport, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), QStringLiteral("me please\n  2.0 s  and"));
}

void TestConsoleView::doubleClickSelectsRussianWord()
{
    auto view = shownView();
    QVERIFY(view);
    QWidget *viewport = view->viewport();
    const QString text = QStringLiteral("Задача «загрузка» завершена за 1.5 с, task_2 ждёт");
    view->appendLine(1'500'000'000, text, Tone::Text);
    QCoreApplication::processEvents();
    const QString shown = view->lineText(0);
    auto doubleClickOn = [&](const QString &word, int offset) {
        const QPoint p = characterPoint(view.get(), 0, int(shown.indexOf(word)) + offset);
        QTest::mouseDClick(viewport, Qt::LeftButton, {}, p);
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, p);
        return view->selectedText();
    };
    QCOMPARE(doubleClickOn(QStringLiteral("завершена"), 4), QStringLiteral("завершена"));
    QCOMPARE(doubleClickOn(QStringLiteral("завершена"), 8), QStringLiteral("завершена"));  // its last letter
    QCOMPARE(doubleClickOn(QStringLiteral("загрузка"), 0), QStringLiteral("загрузка"));
    QCOMPARE(doubleClickOn(QStringLiteral("ждёт"), 2), QStringLiteral("ждёт"));
    QCOMPARE(doubleClickOn(QStringLiteral("task_2"), 1), QStringLiteral("task_2"));
    QCOMPARE(doubleClickOn(QStringLiteral("1.5 с"), 0), QStringLiteral("1.5"));
}

void TestConsoleView::selectAllThenCopyEqualsPlainText()
{
    auto view = shownView();
    QVERIFY(view);
    for (int i = 0; i < 50; ++i)
        view->appendLine(i % 3 ? i * kSecond : -1, QStringLiteral("строка %1").arg(i), Tone(i % 7), i % 5 == 0);
    QCoreApplication::processEvents();
    QSignalSpy changed(view.get(), &ConsoleView::selectionChanged);
    QTest::keyClick(view->viewport(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(changed.count(), 1);
    QVERIFY(view->hasSelection());
    QTest::keyClick(view->viewport(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), view->toPlainText());
    QCOMPARE(view->selectedText(), view->toPlainText());
    view->clearSelection();
    QVERIFY(!view->hasSelection());
    QCOMPARE(changed.count(), 2);
}

void TestConsoleView::maximumLineCountDropsOldest()
{
    ConsoleView view;
    QCOMPARE(view.maximumLineCount(), std::size_t(1'000'000));
    view.setMaximumLineCount(5);
    for (int i = 0; i < 5; ++i)
        view.appendLine(-1, QStringLiteral("line %1").arg(i), Tone::Text);
    view.setSelection(1, 9 + 2, 3, 9 + 6);  // "ne 1" .. "line 3"
    const QString selected = view.selectedText();
    QCOMPARE(selected, QStringLiteral("ne 1\n         line 2\n         line 3"));
    QSignalSpy changed(&view, &ConsoleView::selectionChanged);

    view.appendLine(-1, QStringLiteral("line 5"), Tone::Text);  // drops line 0
    QCOMPARE(view.lineCount(), std::size_t(5));
    QCOMPARE(view.lineText(0), QStringLiteral("         line 1"));
    QCOMPARE(view.selectedText(), selected);
    QCOMPARE(changed.count(), 0);

    view.appendLine(-1, QStringLiteral("line 6"), Tone::Text);  // drops line 1: clipped
    QCOMPARE(view.selectedText(), QStringLiteral("         line 2\n         line 3"));
    QCOMPARE(changed.count(), 1);

    view.appendLine(-1, QStringLiteral("line 7"), Tone::Text);
    QCOMPARE(view.selectedText(), QStringLiteral("         line 3"));
    QCOMPARE(changed.count(), 2);
    view.appendLine(-1, QStringLiteral("line 8"), Tone::Text);  // the selection is gone with its lines
    QVERIFY(!view.hasSelection());
    QCOMPARE(view.selectedText(), QString());
    QCOMPARE(changed.count(), 3);
    QCOMPARE(view.toPlainText(),
        QStringLiteral("         line 4\n         line 5\n         line 6\n         line 7\n         line 8"));

    view.setMaximumLineCount(2);
    QCOMPARE(view.lineCount(), std::size_t(2));
    QCOMPARE(view.lineText(0), QStringLiteral("         line 7"));

    // Many drops (past the internal compaction) keep order and content.
    view.setMaximumLineCount(1000);
    for (int i = 0; i < 20'000; ++i)
        view.appendLine(i, QString::number(i), Tone::Text);
    QCOMPARE(view.lineCount(), std::size_t(1000));
    QCOMPARE(view.lineText(0), ConsoleView::stamp(19'000) + QStringLiteral("19000"));
    QCOMPARE(view.lineText(999), ConsoleView::stamp(19'999) + QStringLiteral("19999"));
}

void TestConsoleView::droppingKeepsTheScrolledView()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    view->setMaximumLineCount(100);
    for (int i = 0; i < 100; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    QTest::keyClick(view->viewport(), Qt::Key_PageUp);
    QTest::keyClick(view->viewport(), Qt::Key_PageUp);
    const std::size_t first = view->firstVisibleLine();
    QVERIFY(first >= 10);
    const QString top = view->lineText(first);
    for (int i = 100; i < 105; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCOMPARE(view->lineText(view->firstVisibleLine()), top);  // even before the event loop turns
    QCoreApplication::processEvents();
    QCOMPARE(view->lineText(view->firstVisibleLine()), top);
    QCOMPARE(std::size_t(view->verticalScrollBar()->value()), first - 5);
    QVERIFY(!view->isAtEnd());
}

void TestConsoleView::clearEmptiesEverything()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    for (int i = 0; i < 100; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    view->selectAll();
    QTest::keyClick(view->viewport(), Qt::Key_Home);
    QVERIFY(!view->isAtEnd());
    QSignalSpy changed(view.get(), &ConsoleView::selectionChanged);
    view->clear();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(view->lineCount(), std::size_t(0));
    QVERIFY(!view->hasSelection());
    QCOMPARE(view->toPlainText(), QString());
    QCOMPARE(view->lineText(0), QString());
    QVERIFY(view->isAtEnd());
    QCoreApplication::processEvents();
    QCOMPARE(view->verticalScrollBar()->maximum(), 0);
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    view->appendLine(kSecond, QStringLiteral("again"), Tone::Text);
    QCOMPARE(view->toPlainText(), QStringLiteral("  1.0 s  again"));
}

void TestConsoleView::placeholderPaintedWhenEmpty()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    const QColor base = view->viewport()->palette().color(QPalette::Base);
    QCOMPARE(pixelsUnlike(view->viewport()->grab().toImage(), base), 0);
    view->setPlaceholderText(QStringLiteral("Run the program (Ctrl+R) to see what it prints."));
    QCOMPARE(view->placeholderText(), QStringLiteral("Run the program (Ctrl+R) to see what it prints."));
    const QImage withPlaceholder = view->viewport()->grab().toImage();
    QVERIFY(pixelsUnlike(withPlaceholder, base) > 100);
    // In the muted colour, not the text colour.
    const QColor muted = view->toneColor(Tone::Muted);
    bool mutedSeen = false;
    for (int y = 0; y < withPlaceholder.height() && !mutedSeen; ++y)
        for (int x = 0; x < withPlaceholder.width() && !mutedSeen; ++x)
            mutedSeen = withPlaceholder.pixelColor(x, y).rgb() == muted.rgb();
    QVERIFY(mutedSeen);
    // Gone once there is a line: a short line paints far fewer pixels than the sentence.
    view->appendLine(-1, QStringLiteral("."), Tone::Text);
    QVERIFY(pixelsUnlike(view->viewport()->grab().toImage(), base) < pixelsUnlike(withPlaceholder, base) / 4);
}

void TestConsoleView::selectionSurvivesAppends()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    for (int i = 0; i < 5; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line number %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    drag(view->viewport(), boundaryPoint(view.get(), 1, 9 + 5), boundaryPoint(view.get(), 3, 9 + 4));
    const QString selected = view->selectedText();
    QCOMPARE(selected, QStringLiteral("number 1\n  2.0 s  line number 2\n  3.0 s  line"));
    for (int i = 5; i < 500; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line number %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    QVERIFY(view->isAtEnd());
    QVERIFY(view->hasSelection());
    QCOMPARE(view->selectedText(), selected);
}

void TestConsoleView::dragPastTheBottomAutoScrolls()
{
    auto view = shownView(400, 150);
    QVERIFY(view);
    QWidget *viewport = view->viewport();
    for (int i = 0; i < 100; ++i)
        view->appendLine(i * kSecond, QStringLiteral("line %1").arg(i), Tone::Text);
    QCoreApplication::processEvents();
    QTest::keyClick(viewport, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view->firstVisibleLine(), std::size_t(0));
    const QPoint from = boundaryPoint(view.get(), 0, 9);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, QPoint(100, viewport->height() + 40));
    QTRY_VERIFY(view->firstVisibleLine() >= 20);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(100, viewport->height() + 40));
    const std::size_t first = view->firstVisibleLine();
    QTest::qWait(100);
    QCOMPARE(view->firstVisibleLine(), first);  // stops with the release
    QVERIFY(view->selectedText().startsWith(QStringLiteral("line 0\n  1.0 s  line 1\n")));
    QVERIFY(view->selectedText().contains(QStringLiteral("line 20\n")));
}

void TestConsoleView::longLinesScrollHorizontally()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    QCoreApplication::processEvents();
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    view->appendLine(kSecond, QString(300, QLatin1Char('x')) + QStringLiteral("END"), Tone::Text);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    const qreal charWidth = QFontMetricsF(view->font()).horizontalAdvance(QLatin1Char('0'));
    QScrollBar *bar = view->horizontalScrollBar();
    QVERIFY(bar->maximum() >= int(312 * charWidth) - view->viewport()->width());
    const QPoint before = boundaryPoint(view.get(), 0, 9 + 300);
    QTest::keyClick(view->viewport(), Qt::Key_End);
    bar->setValue(bar->maximum());
    QVERIFY(bar->value() > 0);
    // Still hit-tested right when scrolled sideways.
    const QPoint after = boundaryPoint(view.get(), 0, 9 + 300);
    QCOMPARE(after.x(), before.x() - bar->value());
    drag(view->viewport(), after, boundaryPoint(view.get(), 0, 9 + 303));
    QCOMPARE(view->selectedText(), QStringLiteral("END"));
}

// Issue 10, item 7: a long warning ran off the panel. With wrapping off it scrolls sideways;
// with wrapping on it takes more rows and nothing scrolls, and it still selects and copies as
// one line; the end stays in view while following.
void TestConsoleView::longLinesWrapWhenAsked()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    QString warning = QStringLiteral("Task exception was never retrieved");
    while (warning.size() < 300)
        warning += QStringLiteral(" future: <Task finished name='Task-2' coro=<worker() done>>");
    view->appendLine(kSecond, QStringLiteral("short"), Tone::Text);
    view->appendLine(2 * kSecond, warning, Tone::Warning);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QScrollBar *bar = view->horizontalScrollBar();
    QVERIFY(!view->wrapLines());
    QVERIFY(bar->maximum() > 0);
    const int oneRow = view->lineRect(0).height();
    QVERIFY(oneRow > 0);
    QCOMPARE(view->lineRect(1).height(), oneRow);

    view->setWrapLines(true);
    QCoreApplication::processEvents();
    QVERIFY(view->wrapLines());
    QCOMPARE(bar->maximum(), 0);
    QVERIFY(!bar->isVisible());
    const QRect wrapped = view->lineRect(1);
    QVERIFY2(wrapped.height() >= 3 * oneRow, qPrintable(QString::number(wrapped.height())));
    QVERIFY(wrapped.right() <= view->viewport()->width());
    QCOMPARE(view->lineText(1), ConsoleView::stamp(2 * kSecond) + warning);  // still one line
    // Dragged from the first character of the text to the end of the last row: the whole warning.
    const qreal charWidth = QFontMetricsF(view->font()).horizontalAdvance(QLatin1Char('0'));
    const QPoint from(wrapped.left() + int(9 * charWidth) + 1, wrapped.top() + oneRow / 2);
    const QPoint to(view->viewport()->width() - 3, wrapped.bottom() - oneRow / 2);
    drag(view->viewport(), from, to);
    QCOMPARE(view->selectedText(), warning);
    // The next rows start under the text, not under the stamp: a click at the left edge of the
    // second row lands at the start of that row's text, not in the stamp column.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(wrapped.left() + 1, wrapped.top() + oneRow * 3 / 2));
    QVERIFY(!view->hasSelection());

    // Following the end with wrapped lines: the last line ends inside the view.
    for (int i = 0; i < 30; ++i)
        view->appendLine(3 * kSecond, warning, Tone::Warning);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QVERIFY(view->isAtEnd());
    const QRect last = view->lineRect(view->lineCount() - 1);
    QVERIFY2(!last.isEmpty() && last.bottom() <= view->viewport()->height(),
        qPrintable(QStringLiteral("%1 in %2").arg(last.bottom()).arg(view->viewport()->height())));

    // Off again: the sideways range comes back.
    view->setWrapLines(false);
    QCoreApplication::processEvents();
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(view->lineRect(view->lineCount() - 1).height(), oneRow);
}

void TestConsoleView::contextMenuShowsActions()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    view->appendLine(kSecond, QStringLiteral("keep me selected"), Tone::Text);
    QCoreApplication::processEvents();
    view->selectAll();
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    QAction copyAction(QStringLiteral("Copy Output"));
    QAction clearAction(QStringLiteral("Clear Output"));
    view->addAction(&copyAction);
    view->addAction(&clearAction);

    // A right press does not drop the selection the menu's Copy is for.
    const QPoint at(30, 10);
    QTest::mousePress(view->viewport(), Qt::RightButton, {}, at);
    QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, at);
    QVERIFY(view->hasSelection());

    QList<QAction *> shown;
    QTimer::singleShot(0, this, [&shown] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            shown = menu->actions();
            menu->close();
        }
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &event);
    QCOMPARE(shown, (QList<QAction *> {&copyAction, &clearAction}));
}

void TestConsoleView::themeSwitchRecoloursAndKeepsState()
{
    auto view = shownView(400, 200);
    QVERIFY(view);
    // A full block is a solid glyph: its middle has exactly the tone's colour.
    view->appendLine(kSecond, QStringLiteral("████"), Tone::TaskA);
    view->appendLine(2 * kSecond, QStringLiteral("████"), Tone::Error);
    QCoreApplication::processEvents();
    view->setSelection(1, 0, 1, 5);
    const QString selected = view->selectedText();
    auto colourAt = [&](std::size_t line) {
        const QPoint p = characterPoint(view.get(), line, 9 + 2);
        return colourOnScreen(view->viewport(), p).rgb();
    };
    QCOMPARE(colourAt(0), QColor(0x00, 0x72, 0xB2).rgb());
    QCOMPARE(colourAt(1), Theme::canvas().error.rgb());

    Theme::apply(Theme::Mode::Dark);
    QCoreApplication::processEvents();
    QVERIFY(Theme::isDark());
    QCOMPARE(view->toneColor(Tone::TaskA), Theme::OkabeIto::SkyBlue);
    QCOMPARE(colourAt(0), Theme::OkabeIto::SkyBlue.rgb());
    QCOMPARE(colourAt(1), Theme::canvas().error.rgb());
    const QColor darkBase = view->viewport()->palette().color(QPalette::Base);
    QCOMPARE(colourOnScreen(view->viewport(), QPoint(390, 190)).rgb(), darkBase.rgb());
    QCOMPARE(view->lineCount(), std::size_t(2));
    QCOMPARE(view->selectedText(), selected);

    Theme::apply(Theme::Mode::Light);
    QCoreApplication::processEvents();
    QCOMPARE(colourAt(0), QColor(0x00, 0x72, 0xB2).rgb());
}

void TestConsoleView::screenshot()
{
    // TUSK_CONSOLEVIEW_SCREENSHOT=/tmp/consoleview.png: the view as a reader sees it.
    const QString path = qEnvironmentVariable("TUSK_CONSOLEVIEW_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set TUSK_CONSOLEVIEW_SCREENSHOT to a file name to save a screenshot");
    auto view = shownView(700, 300);
    QVERIFY(view);
    view->appendLine(-1, QStringLiteral("asyncio.run(main())"), Tone::Muted, true);
    const Tone tasks[] = {Tone::Text, Tone::TaskA, Tone::TaskB, Tone::TaskC};
    for (int i = 0; i < 16; ++i) {
        const Tone tone = tasks[i % 4];
        view->appendLine(std::int64_t(i / 4) * 500'000'000,
            QStringLiteral("worker-%1: загрузка %2 из 4 готова").arg(i % 4).arg(i / 4 + 1), tone);
    }
    view->appendLine(2 * kSecond, QStringLiteral("Task was destroyed but it is pending!"), Tone::Warning);
    view->appendLine(
        2 * kSecond, QStringLiteral("Traceback (most recent call last): ValueError: bad input"), Tone::Error);
    view->appendLine(-1, QStringLiteral("main() returned after 2.0 s of virtual time."), Tone::Muted, true);
    QCoreApplication::processEvents();
    QTest::keyClick(view->viewport(), Qt::Key_Home, Qt::ControlModifier);
    const std::size_t first = view->firstVisibleLine();
    view->setSelection(first + 3, 9 + 10, first + 5, 9 + 18);
    QCoreApplication::processEvents();
    QVERIFY(view->grab().save(path));
}

QTEST_MAIN(TestConsoleView)
#include "tst_consoleview.moc"
