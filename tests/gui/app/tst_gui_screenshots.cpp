// Screenshots of the editor with bundled examples open, in the light and the dark palette.
// Each shot is checked for what a person would see (nodes drawn, the entry marked, arrows);
// with TUSK_SCREENSHOT_DIR set they are also saved there (docs/screenshots uses them).
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "steprow.h"
#include "theme.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk;

class TestGuiScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void shots_data();
    void shots();
    void exportsMatchTheCanvas();

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

QTEST_MAIN(TestGuiScreenshots)
#include "tst_gui_screenshots.moc"
