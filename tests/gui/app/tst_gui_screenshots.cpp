// Screenshots of the editor with bundled examples open, in the light and the dark palette.
// Each shot is checked for what a person would see (nodes drawn, the entry marked, arrows);
// with TUSK_SCREENSHOT_DIR set they are also saved there (docs/screenshots uses them).
#include "codepanel.h"
#include "codeview.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "runcontrols.h"
#include "runoverlay.h"
#include "runsession.h"
#include "steprow.h"
#include "theme.h"
#include "timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace tusk;

class TestGuiScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void shots_data();
    void shots();
    void exportsMatchTheCanvas();
    void runViews_data();
    void runViews();
    void pythonViews_data();
    void pythonViews();

private:
    QTemporaryDir m_dir;
};

void TestGuiScreenshots::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TuskTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_gui_screenshots"));
    QSettings().clear();
    Language::instance()->setChoice(QStringLiteral("en"));
}

void TestGuiScreenshots::shots_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("language");
    QTest::newRow("02 light") << QStringLiteral("02-two-tasks") << false << QStringLiteral("en");
    QTest::newRow("02 dark") << QStringLiteral("02-two-tasks") << true << QStringLiteral("en");
    QTest::newRow("07 light") << QStringLiteral("07-worker-loop") << false << QStringLiteral("en");
    QTest::newRow("07 dark") << QStringLiteral("07-worker-loop") << true << QStringLiteral("ru");
}

void TestGuiScreenshots::shots()
{
    QFETCH(QString, example);
    QFETCH(bool, dark);
    QFETCH(QString, language);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    Language::instance()->setChoice(language);
    MainWindow window(m_dir.path());
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample(QStringLiteral(":/examples/%1.tusk").arg(example)));
    QCoreApplication::processEvents();
    window.view()->fitToView();
    // Select a create_task row so that the inspector shows a step.
    const Project &p = window.document()->project();
    const Coroutine *main = p.findCoroutine(QStringLiteral("main"));
    QVERIFY(main);
    window.scene()->selectItem(main->body.front().id);
    window.runProgram();
    QTRY_VERIFY(!window.outputPanel()->isRunning());
    QCoreApplication::processEvents();
    const QImage shot = window.grab().toImage();
    QVERIFY(!shot.isNull());
    // The canvas shows the nodes: some pixels are the node fill, unlike the canvas background.
    const QImage canvas = window.view()->viewport()->grab().toImage();
    const QColor fill = Theme::canvas().nodeFill;
    int fillPixels = 0;
    for (int y = 0; y < canvas.height(); y += 4) {
        for (int x = 0; x < canvas.width(); x += 4)
            fillPixels += canvas.pixelColor(x, y) == fill ? 1 : 0;
    }
    QVERIFY2(fillPixels > 200, qPrintable(QStringLiteral("only %1 node pixels").arg(fillPixels)));
    const QString dir = qEnvironmentVariable("TUSK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(
            QDir(dir).filePath(QStringLiteral("%1-%2-%3.png")
                                   .arg(example, dark ? QStringLiteral("dark") : QStringLiteral("light"), language))));
    }
    window.document()->undoStack()->setClean();
    Theme::apply(Theme::Mode::Light);
}

namespace {

/// How much text a rectangle of an image holds, in logical pixels: the dark pixels of the light
/// theme's code, divided by the device pixels per logical pixel.
double inkIn(const QImage &image, const QRectF &logical)
{
    const qreal dpr = image.devicePixelRatio();
    const QRect r = QRectF(logical.topLeft() * dpr, logical.size() * dpr).toAlignedRect() & image.rect();
    int dark = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            dark += image.pixelColor(x, y).lightness() < 150 ? 1 : 0;
    }
    return dark / (dpr * dpr);
}

}  // namespace

// The exported PNG and SVG show each row's text at the size the canvas laid it out for, at any
// DPI and device pixel ratio, on xcb as on offscreen (under X the PNG's text was drawn about
// twice too large, overlapping, and the SVG's too small).
void TestGuiScreenshots::exportsMatchTheCanvas()
{
    Theme::apply(Theme::Mode::Light);
    Language::instance()->setChoice(QStringLiteral("en"));
    MainWindow window(m_dir.path());
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    window.view()->resetZoom();
    const Coroutine *main = window.document()->project().findCoroutine(QStringLiteral("main"));
    QVERIFY(main && !main->body.empty());
    StepRow *row = window.scene()->row(main->body.front().id);  // task1_obj = asyncio.create_task(task1())
    QVERIFY(row);
    const QRectF rowInScene = row->sceneBoundingRect();
    window.view()->centerOn(rowInScene.center());
    QCoreApplication::processEvents();

    const QImage canvas = window.view()->viewport()->grab().toImage();
    const QRectF rowInView = window.view()->mapFromScene(rowInScene).boundingRect();
    const double onCanvas = inkIn(canvas, rowInView);
    QVERIFY2(onCanvas > 50, qPrintable(QStringLiteral("no text on the row (%1)").arg(onCanvas)));

    const QRectF area = window.scene()->exportRect();
    const QRectF rowInExport = rowInScene.translated(-area.topLeft());
    const QString png = m_dir.filePath(QStringLiteral("diagram.png"));
    const QString svg = m_dir.filePath(QStringLiteral("diagram.svg"));
    QString error;
    QVERIFY2(window.scene()->exportPng(png, &error), qPrintable(error));
    QVERIFY2(window.scene()->exportSvg(svg, &error), qPrintable(error));

    QImage exported(png);
    QCOMPARE(exported.size(), (area.size() * 2).toSize());
    exported.setDevicePixelRatio(2);
    const double inPng = inkIn(exported, rowInExport);

    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF().size().toSize(), area.size().toSize());
    QImage drawn((area.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    drawn.setDevicePixelRatio(2);
    drawn.fill(Qt::white);
    {
        QPainter painter(&drawn);
        renderer.render(&painter, QRectF(QPointF(0, 0), area.size()));
    }
    const double inSvg = inkIn(drawn, rowInExport);

    const QString detail = QStringLiteral("ink on the canvas %1, in the PNG %2, in the SVG %3 (DPI %4, ratio %5)")
                               .arg(onCanvas)
                               .arg(inPng)
                               .arg(inSvg)
                               .arg(canvas.logicalDpiY())
                               .arg(canvas.devicePixelRatio());
    QVERIFY2(inPng > 0.75 * onCanvas && inPng < 1.33 * onCanvas, qPrintable(detail));
    QVERIFY2(inSvg > 0.75 * onCanvas && inSvg < 1.33 * onCanvas, qPrintable(detail));
    window.document()->undoStack()->setClean();
}

void TestGuiScreenshots::runViews_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("language");
    QTest::newRow("light en") << false << QStringLiteral("en");
    QTest::newRow("dark en") << true << QStringLiteral("en");
    QTest::newRow("light ru") << false << QStringLiteral("ru");
    QTest::newRow("dark ru") << true << QStringLiteral("ru");
}

// Example 02 while it runs (paused at about 0.5 s: the status bar, the live wait arrow), then
// after the run scrubbed back to 0.5 s (the tasks panel, the timeline and its legend, the
// past-moment bar), and its diagram exported as PNG; saved as docs/screenshots/run-*.png and
// export-*.png when TUSK_SCREENSHOT_DIR is set (scripts/screenshots.sh).
void TestGuiScreenshots::runViews()
{
    QFETCH(bool, dark);
    QFETCH(QString, language);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    Language::instance()->setChoice(language);
    MainWindow window(m_dir.path());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openExample(QStringLiteral(":/examples/02-two-tasks.tusk")));
    window.view()->fitToView();
    const QString dir = qEnvironmentVariable("TUSK_SCREENSHOT_DIR");
    const QString suffix
        = QStringLiteral("%1-%2.png").arg(dark ? QStringLiteral("dark") : QStringLiteral("light"), language);
    const auto save = [&](const QString &name) {
        if (dir.isEmpty())
            return true;
        QDir().mkpath(dir);
        return window.grab().save(QDir(dir).filePath(name + suffix));
    };
    RunOverlay *overlay = window.runControls()->overlay();

    // Paused while main awaits task1: the status bar says so, the arrow is drawn.
    window.findChild<QAction *>(QStringLiteral("actionSpeed1"))->trigger();
    window.runProgram();
    RunSession *session = window.outputPanel()->session();
    QVERIFY(session);
    QTRY_VERIFY(session->controller().clockNow() >= 400'000'000);
    window.runControls()->pauseAction()->trigger();
    QCOMPARE(session->controller().status(), RunController::Status::Paused);
    QCoreApplication::processEvents();
    QVERIFY(window.runControls()->statusLabel()->isVisible());
    QVERIFY(!window.runControls()->statusLabel()->text().isEmpty());
    QCOMPARE(int(overlay->waitArrows().size()), 1);
    QVERIFY(save(QStringLiteral("run-paused-")));
    window.outputPanel()->stop();
    QTRY_VERIFY(!window.outputPanel()->isRunning());

    // After an Instant run, scrubbed back to 0.5 s.
    window.findChild<QAction *>(QStringLiteral("actionSpeedInstant"))->trigger();
    window.runProgram();
    QTRY_VERIFY(!window.outputPanel()->isRunning());
    auto *timelineDock = window.findChild<QDockWidget *>(QStringLiteral("timelineDock"));
    timelineDock->raise();
    TimelineWidget *timeline = window.timeline();
    QTRY_VERIFY(timeline->isVisible());
    QTest::mouseClick(timeline, Qt::LeftButton, {}, QPoint(timeline->timeToX(500'000'000), timeline->rowY(0) + 4));
    QVERIFY(window.runControls()->pastMomentBar()->isVisible());
    QCOMPARE(int(overlay->waitArrows().size()), 1);
    QCoreApplication::processEvents();
    QVERIFY(save(QStringLiteral("run-timeline-")));
    window.findChild<QDockWidget *>(QStringLiteral("tasksDock"))->raise();
    QCoreApplication::processEvents();
    QVERIFY(save(QStringLiteral("run-tasks-")));

    // The exported picture leaves the run out and has the diagram's size, twice over.
    const QString png = dir.isEmpty() ? m_dir.filePath(QStringLiteral("export.png"))
                                      : QDir(dir).filePath(QStringLiteral("export-") + suffix);
    QString error;
    QVERIFY2(window.scene()->exportPng(png, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), (window.scene()->exportRect().size() * 2).toSize());
    window.document()->undoStack()->setClean();
    Theme::apply(Theme::Mode::Light);
    Language::instance()->setChoice(QStringLiteral("en"));
}

void TestGuiScreenshots::pythonViews_data()
{
    runViews_data();
}

// The seed tutorial's second program pasted as Python (Ctrl+V on the canvas) and paused at
// 1.5 s: the code view marks where each task is; then a program with what Tusk cannot hold yet,
// its problems marked in the Python panel. Saved as docs/screenshots/python-*.png.
void TestGuiScreenshots::pythonViews()
{
    QFETCH(bool, dark);
    QFETCH(QString, language);
    Theme::apply(dark ? Theme::Mode::Dark : Theme::Mode::Light);
    Language::instance()->setChoice(language);
    MainWindow window(m_dir.path());
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString dir = qEnvironmentVariable("TUSK_SCREENSHOT_DIR");
    const QString suffix
        = QStringLiteral("%1-%2.png").arg(dark ? QStringLiteral("dark") : QStringLiteral("light"), language);
    const auto save = [&](const QString &name) {
        if (dir.isEmpty())
            return true;
        QDir().mkpath(dir);
        return window.grab().save(QDir(dir).filePath(name + suffix));
    };
    QFile seed(QStringLiteral(TUSK_SOURCE_DIR "/tests/conformance/python/accepted/seed-two-tasks.py"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    QApplication::clipboard()->setText(QString::fromUtf8(seed.readAll()));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY(window.action(QStringLiteral("actionPaste"))->isEnabled());
    window.view()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(window.view()->viewport(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(window.document()->project().coroutines.size(), std::size_t(3));
    window.view()->fitToView();

    window.findChild<QAction *>(QStringLiteral("actionSpeed1"))->trigger();
    window.runProgram();
    RunSession *session = window.outputPanel()->session();
    QVERIFY(session);
    QTRY_VERIFY_WITH_TIMEOUT(session->controller().clockNow() >= 1'500'000'000, 10000);
    window.runControls()->pauseAction()->trigger();
    QCoreApplication::processEvents();
    QTRY_VERIFY(!window.codeView()->marks().empty());
    QVERIFY(save(QStringLiteral("python-paused-")));
    window.outputPanel()->stop();
    QTRY_VERIFY(!window.outputPanel()->isRunning());

    QVERIFY(
        !window.importPythonFile(QStringLiteral(TUSK_SOURCE_DIR "/tests/conformance/python/refused/calls.py"), false));
    QVERIFY(window.codeView()->isEditing());
    QCOMPARE(window.codeView()->problemLines().size(), 3);
    QCoreApplication::processEvents();
    QVERIFY(save(QStringLiteral("python-problems-")));
    window.codePanel()->cancel();
    window.document()->undoStack()->setClean();
    Theme::apply(Theme::Mode::Light);
    Language::instance()->setChoice(QStringLiteral("en"));
}

QTEST_MAIN(TestGuiScreenshots)
#include "tst_gui_screenshots.moc"
