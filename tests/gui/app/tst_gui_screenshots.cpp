// Screenshots of the editor with bundled examples open, in the light and the dark palette.
// Each shot is checked for what a person would see (nodes drawn, the entry marked, arrows);
// with TUSK_SCREENSHOT_DIR set they are also saved there (docs/screenshots uses them).
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "language.h"
#include "mainwindow.h"
#include "outputpanel.h"
#include "theme.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tusk;

class TestGuiScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void shots_data();
    void shots();

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

QTEST_MAIN(TestGuiScreenshots)
#include "tst_gui_screenshots.moc"
