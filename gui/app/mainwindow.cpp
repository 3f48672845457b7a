#include "mainwindow.h"

#include "autosave.h"
#include "codepanel.h"
#include "codeview.h"
#include "consoleview.h"
#include "coroutinecommands.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "document.h"
#include "focusring.h"
#include "inspectorwidget.h"
#include "language.h"
#include "outputpanel.h"
#include "palettewidget.h"
#include "preferencesdialog.h"
#include "problemspanel.h"
#include "problemtext.h"
#include "projectjson.h"
#include "pythonexport.h"
#include "pythonimport.h"
#include "pythonpaste.h"
#include "recentfiles.h"
#include "runcontrols.h"
#include "taskspanel.h"
#include "theme.h"
#include "timelinewidget.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

namespace tusk {

namespace {

/// An example's title in the UI language: its `titles` object has one per language (as its
/// `description` does); the project's own title, in whatever language it was written, is
/// the fallback.
QString exampleTitle(const QString &resourcePath, const QString &language)
{
    QFile file(resourcePath);
    Project p;
    Problems problems;
    if (!file.open(QIODevice::ReadOnly) || !loadProjectStructure(file.readAll(), &p, &problems))
        return QFileInfo(resourcePath).completeBaseName();
    for (const auto &[key, value] : p.extraKeys) {
        if (key != QLatin1String("titles") || !value.isObject())
            continue;
        const JsonValue *title = value.find(language);
        if (!title)
            title = value.find(QStringLiteral("en"));
        if (title && title->isString() && !title->toString().isEmpty())
            return title->toString();
    }
    return p.title.isEmpty() ? QFileInfo(resourcePath).completeBaseName() : p.title;
}

}  // namespace

MainWindow::MainWindow(const QString &autoSaveDirectory, QWidget *parent)
    : QMainWindow(parent)
{
    Theme::initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Theme::icon(QStringLiteral("tusk"), Theme::OkabeIto::Blue));
    setAcceptDrops(true);
    m_document = new Document(this);
    m_scene = new DiagramScene(m_document, this);
    m_view = new DiagramView(m_scene, this);
    m_view->setObjectName(QStringLiteral("canvas"));
    setCentralWidget(m_view);
    m_recent = new RecentFiles(this);
    m_autoSave = new AutoSave(m_document, autoSaveDirectory, this);

    createDocks();
    createActions();
    createMenus();

    m_statusState = new QLabel(this);
    m_statusState->setObjectName(QStringLiteral("runState"));
    m_statusState->setTextFormat(Qt::RichText);
    m_statusZoom = new QLabel(this);
    m_statusZoom->setObjectName(QStringLiteral("zoom"));
    m_statusZoom->setMinimumWidth(48);
    m_statusZoom->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    statusBar()->addPermanentWidget(m_runControls->pastMomentBar());
    statusBar()->addPermanentWidget(m_runControls->statusLabel());
    statusBar()->addPermanentWidget(m_statusState);
    statusBar()->addPermanentWidget(m_statusZoom);
    statusBar()->setSizeGripEnabled(true);

    connect(m_document, &Document::changed, this, &MainWindow::updateRunState);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::setWindowModified);
    connect(m_document, &Document::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::changed, this, &MainWindow::updateTitle);
    connect(m_document, &Document::projectReplaced, this, [this] {
        m_inspector->setCurrentItem(kNoId);
        // After the window has its size, so that the whole diagram fits.
        QMetaObject::invokeMethod(m_view, &DiagramView::fitToView, Qt::QueuedConnection);
    });
    connect(m_scene, &DiagramScene::currentItemChanged, m_inspector, &InspectorWidget::setCurrentItem);
    // Enter and F2 on the canvas edit in the inspector; Escape there comes back.
    connect(m_scene, &DiagramScene::editRequested, this, [this](bool rename) {
        m_inspectorDock->show();
        m_inspectorDock->raise();
        if (rename)
            m_inspector->focusNameField();
        else
            m_inspector->focusFirstField();
    });
    connect(m_inspector, &InspectorWidget::leaveRequested, this, [this] { m_view->setFocus(Qt::OtherFocusReason); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::updateEditActions);
    connect(
        m_scene, &DiagramScene::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    connect(m_palette, &PaletteWidget::blockActivated, m_scene, &DiagramScene::addBlockAtSelection);
    connect(m_problemsPanel, &ProblemsPanel::itemRequested, m_scene, &DiagramScene::selectItem);
    // The code view and the diagram select together; a run marks each task's line in both.
    connect(m_scene, &DiagramScene::currentItemChanged, m_code, &CodeView::showItem);
    connect(m_code, &CodeView::itemSelected, m_scene, &DiagramScene::selectItem);
    connect(m_runControls, &RunControls::tasksShown, m_code, &CodeView::setTasks);
    connect(m_runControls, &RunControls::tasksCleared, m_code, &CodeView::clearTasks);
    connect(m_tasksPanel, &TasksPanel::coroutineRequested, m_scene, &DiagramScene::selectItem);
    connect(m_view, &DiagramView::fileDropped, this, [this](const QString &file) {
        if (file.endsWith(QLatin1String(".py"), Qt::CaseInsensitive))
            importPythonFile(file);
        else if (maybeSave())
            openFile(file);
    });
    connect(m_view, &DiagramView::zoomChanged, this,
        [this](qreal z) { m_statusZoom->setText(QStringLiteral("%1 %").arg(qRound(z * 100))); });
    connect(m_output, &OutputPanel::runningChanged, this, &MainWindow::updateRunState);
    connect(m_recent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &MainWindow::updateEditActions);

    resize(1280, 820);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_dockSizesKnown = restoreState(settings.value(QStringLiteral("windowState")).toByteArray());

    retranslate();
    updateRecentMenu();
    updateRunState();
    updateEditActions();
    updateTitle();
    m_statusZoom->setText(QStringLiteral("100 %"));
}

MainWindow::~MainWindow()
{
    // The canvas reads the document: it goes before the document does.
    delete m_view;
    delete m_scene;
}

// --- Actions and menus ----------------------------------------------------------------------

QAction *MainWindow::makeAction(const char *name, const QString &icon, const QKeySequence &shortcut)
{
    auto *a = new QAction(this);
    a->setObjectName(QLatin1String(name));
    if (!icon.isEmpty())
        a->setIcon(Theme::icon(icon));
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    return a;
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::createActions()
{
    connect(makeAction("actionNew", QStringLiteral("new"), QKeySequence::New), &QAction::triggered, this,
        &MainWindow::newProject);
    connect(makeAction("actionOpen", QStringLiteral("open"), QKeySequence::Open), &QAction::triggered, this,
        &MainWindow::open);
    connect(makeAction("actionImportPython", QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)),
        &QAction::triggered, this, &MainWindow::importPython);
    connect(makeAction("actionSave", QStringLiteral("save"), QKeySequence::Save), &QAction::triggered, this,
        &MainWindow::save);
    connect(makeAction("actionSaveAs", QStringLiteral("save-as"), QKeySequence::SaveAs), &QAction::triggered, this,
        &MainWindow::saveAs);
    connect(makeAction("actionExportPng", QStringLiteral("export")), &QAction::triggered, this, &MainWindow::exportPng);
    connect(makeAction("actionExportSvg", QString()), &QAction::triggered, this, &MainWindow::exportSvg);
    connect(makeAction("actionExportPython", QString()), &QAction::triggered, this, &MainWindow::exportPythonScript);
    // Ctrl+, where the platform has no Preferences keys of its own (plain X11).
    QAction *preferences = makeAction("actionPreferences", QString(),
        QKeySequence(QKeySequence::Preferences).isEmpty() ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                                          : QKeySequence(QKeySequence::Preferences));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });
    QAction *quit = makeAction("actionQuit", QString(), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_document->undoStack()->createUndoAction(this);
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setIcon(Theme::icon(QStringLiteral("undo")));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this);
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_redoAction->setIcon(Theme::icon(QStringLiteral("redo")));
    // Ctrl+Y as well as Ctrl+Shift+Z, whatever the platform's own Redo keys are.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys << key;
    }
    m_redoAction->setShortcuts(redoKeys);

    connect(makeAction("actionCut", QString(), QKeySequence::Cut), &QAction::triggered, this, [this] {
        if (QMimeData *mime = m_scene->copySelection()) {
            QApplication::clipboard()->setMimeData(mime);
            m_scene->deleteSelection();
        }
    });
    connect(makeAction("actionCopy", QString(), QKeySequence::Copy), &QAction::triggered, this, [this] {
        if (QMimeData *mime = m_scene->copySelection())
            QApplication::clipboard()->setMimeData(mime);
    });
    connect(makeAction("actionPaste", QString(), QKeySequence::Paste), &QAction::triggered, this, &MainWindow::paste);
    connect(makeAction("actionDelete", QStringLiteral("delete"), QKeySequence::Delete), &QAction::triggered, m_scene,
        &DiagramScene::deleteSelection);
    connect(makeAction("actionSelectAll", QString(), QKeySequence::SelectAll), &QAction::triggered, this, [this] {
        for (QGraphicsItem *item : m_scene->items()) {
            if (item->type() == CoroutineNode::Type)
                item->setSelected(true);
        }
    });
    connect(makeAction("actionMoveUp", QString(), QKeySequence(Qt::ALT | Qt::Key_Up)), &QAction::triggered, this,
        [this] { m_scene->moveSelectedStep(-1); });
    connect(makeAction("actionMoveDown", QString(), QKeySequence(Qt::ALT | Qt::Key_Down)), &QAction::triggered, this,
        [this] { m_scene->moveSelectedStep(1); });

    QAction *zoomIn = makeAction("actionZoomIn", QStringLiteral("zoom-in"), QKeySequence::ZoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(zoomIn, &QAction::triggered, m_view, &DiagramView::zoomIn);
    connect(makeAction("actionZoomOut", QStringLiteral("zoom-out"), QKeySequence::ZoomOut), &QAction::triggered, m_view,
        &DiagramView::zoomOut);
    connect(makeAction("actionZoomReset", QString(), QKeySequence(Qt::CTRL | Qt::Key_0)), &QAction::triggered, m_view,
        &DiagramView::resetZoom);
    connect(makeAction("actionFit", QStringLiteral("fit"), QKeySequence(Qt::CTRL | Qt::Key_1)), &QAction::triggered,
        m_view, &DiagramView::fitToView);
    connect(makeAction("actionArrange", QStringLiteral("layout"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
        &QAction::triggered, this, [this] {
            QHash<ItemId, QPointF> from;
            const QHash<ItemId, QPointF> to = m_document->autoLayoutPositions();
            for (auto it = to.begin(); it != to.end(); ++it)
                from.insert(it.key(), m_document->position(it.key()));
            if (from != to)
                m_document->undoStack()->push(new MoveCoroutinesCommand(m_document, from, to));
            m_view->fitToView();
        });

    m_runAction = makeAction("actionRun", QString(), QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runAction->setIcon(Theme::icon(QStringLiteral("run"), Theme::OkabeIto::BluishGreen));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runProgram);
    QAction *stop = makeAction("actionStop", QString(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    stop->setIcon(Theme::icon(QStringLiteral("stop"), Theme::OkabeIto::Vermillion));
    connect(stop, &QAction::triggered, m_output, &OutputPanel::stop);
    // Pause, Step, Restart, Speed and Export Trace (issue 5).
    m_runControls = new RunControls(this, m_output, m_tasksPanel, m_timeline, m_scene, [this] { runProgram(); });
    connect(m_runControls->exportTraceAction(), &QAction::triggered, this, &MainWindow::exportTrace);

    connect(makeAction("actionGuide", QString(), QKeySequence::HelpContents), &QAction::triggered, this, [this] {
        QMessageBox box(this);
        box.setWindowTitle(tr("Quick guide"));
        box.setIconPixmap(Theme::icon(QStringLiteral("tusk"), Theme::OkabeIto::Blue).pixmap(48, 48));
        box.setTextFormat(Qt::RichText);
        box.setText(tr("<h3>Build an asyncio program</h3>"
                       "<ol>"
                       "<li>A new project holds <b>main</b>, the coroutine <code>asyncio.run()</code> starts. "
                       "Drag <b>Coroutine</b> from the palette onto the canvas for each coroutine a task will "
                       "run.</li>"
                       "<li>Drag steps (<b>Sleep</b>, <b>Print</b>, <b>Create task</b>…) onto a coroutine; the line "
                       "shows where they go. Drag rows to reorder them or move them to another coroutine.</li>"
                       "<li>Drag from the dot at the right of a <b>Create task</b>, <b>Await</b> or <b>Gather</b> "
                       "row onto the coroutine it should call.</li>"
                       "<li>Edit the selected item in the inspector on the right. Problems are marked on the rows "
                       "and listed below the canvas.</li>"
                       "<li>Press <b>Run</b> (Ctrl+R) to see what the program prints.</li>"
                       "</ol>"
                       "<p>Ctrl+wheel zooms, the middle button (or Space with the left button) pans, and every "
                       "change can be undone with Ctrl+Z.</p>")
            + tr("<p>Keyboard: Tab goes from panel to panel. On the canvas the arrow keys move the selection "
                 "between rows and coroutines, Enter edits it in the inspector (Escape comes back), F2 renames, "
                 "Alt+Up and Alt+Down move a step, Ctrl+arrows move a coroutine; Ctrl+Y redoes.</p>"));
        box.exec();
    });
    QAction *about = makeAction("actionAbout", QString());
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Tusk"),
            tr("<h3>Tusk %1</h3><p>Build Python asyncio programs as diagrams, run them and watch the "
               "event loop.</p><p>Every block is one line of Python 3.11, and a run prints what "
               "CPython prints.</p>")
                .arg(QStringLiteral(TUSK_VERSION)));
    });
    QAction *aboutQt = makeAction("actionAboutQt", QString());
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Language and theme choices.
    m_languageGroup = new QActionGroup(this);
    auto addLanguage = [this](const QString &code, const char *name) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setCheckable(true);
        a->setData(code);
        a->setChecked(Language::instance()->choice() == code);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [code] { Language::instance()->setChoice(code); });
    };
    addLanguage(QString(), "actionLanguageSystem");
    addLanguage(QStringLiteral("en"), "actionLanguageEnglish");
    addLanguage(QStringLiteral("ru"), "actionLanguageRussian");

    m_themeGroup = new QActionGroup(this);
    auto addTheme = [this](Theme::Mode mode, const char *name) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setCheckable(true);
        a->setChecked(Theme::mode() == mode);
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [mode] {
            Theme::apply(mode);
            QSettings().setValue(QStringLiteral("theme"), int(mode));
        });
    };
    addTheme(Theme::Mode::System, "actionThemeSystem");
    addTheme(Theme::Mode::Light, "actionThemeLight");
    addTheme(Theme::Mode::Dark, "actionThemeDark");
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(action(QStringLiteral("actionNew")));
    m_fileMenu->addAction(action(QStringLiteral("actionOpen")));
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    m_examplesMenu = m_fileMenu->addMenu(QString());
    m_examplesMenu->setObjectName(QStringLiteral("menuExamples"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(QStringLiteral("actionImportPython")));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(QStringLiteral("actionSave")));
    m_fileMenu->addAction(action(QStringLiteral("actionSaveAs")));
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setIcon(Theme::icon(QStringLiteral("export")));
    m_exportMenu->addAction(action(QStringLiteral("actionExportPng")));
    m_exportMenu->addAction(action(QStringLiteral("actionExportSvg")));
    m_exportMenu->addAction(action(QStringLiteral("actionExportPython")));
    m_fileMenu->addAction(m_runControls->exportTraceAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action(QStringLiteral("actionQuit")));

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    for (const char *name : {"actionCut", "actionCopy", "actionPaste", "actionDelete"})
        m_editMenu->addAction(action(QLatin1String(name)));
    m_editMenu->addSeparator();
    m_editMenu->addAction(action(QStringLiteral("actionSelectAll")));
    m_editMenu->addSeparator();
    m_editMenu->addAction(action(QStringLiteral("actionMoveUp")));
    m_editMenu->addAction(action(QStringLiteral("actionMoveDown")));
    m_editMenu->addSeparator();
    m_editMenu->addAction(action(QStringLiteral("actionPreferences")));

    m_viewMenu = menuBar()->addMenu(QString());
    for (const char *name : {"actionZoomIn", "actionZoomOut", "actionZoomReset", "actionFit"})
        m_viewMenu->addAction(action(QLatin1String(name)));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(action(QStringLiteral("actionArrange")));
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(QString());
    for (QDockWidget *dock :
        {m_paletteDock, m_inspectorDock, m_codeDock, m_problemsDock, m_outputDock, m_tasksDock, m_timelineDock})
        m_panelsMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addAction(m_output->wrapLinesAction());
    m_themeMenu = m_viewMenu->addMenu(QString());
    m_themeMenu->addActions(m_themeGroup->actions());
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("menuLanguage"));
    m_languageMenu->setIcon(Theme::icon(QStringLiteral("language")));
    m_languageMenu->addActions(m_languageGroup->actions());

    m_runMenu = menuBar()->addMenu(QString());
    m_runMenu->addAction(m_runAction);
    m_runMenu->addAction(action(QStringLiteral("actionStop")));
    m_runControls->addToRunMenu(m_runMenu);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(action(QStringLiteral("actionGuide")));
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(action(QStringLiteral("actionAbout")));
    m_helpMenu->addAction(action(QStringLiteral("actionAboutQt")));

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_toolBar->addAction(action(QStringLiteral("actionNew")));
    m_toolBar->addAction(action(QStringLiteral("actionOpen")));
    m_toolBar->addAction(action(QStringLiteral("actionSave")));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_runAction);
    m_toolBar->addAction(action(QStringLiteral("actionStop")));
    if (auto *runButton = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_runAction)))
        runButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runControls->addToToolBar(m_toolBar, m_toolBar->addSeparator());
    m_toolBar->addAction(action(QStringLiteral("actionZoomOut")));
    m_toolBar->addAction(action(QStringLiteral("actionZoomIn")));
    m_toolBar->addAction(action(QStringLiteral("actionFit")));
    m_toolBar->addAction(action(QStringLiteral("actionArrange")));
    m_toolBar->addSeparator();
    // Export: one button that opens the Export menu (PNG, SVG, Python script).
    m_exportMenu->menuAction()->setObjectName(QStringLiteral("actionExportMenu"));
    m_toolBar->addAction(m_exportMenu->menuAction());
    if (auto *exportButton = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_exportMenu->menuAction())))
        exportButton->setPopupMode(QToolButton::InstantPopup);
}

void MainWindow::createDocks()
{
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    auto dock = [this](const char *name, QWidget *widget, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(widget);
        d->setFeatures(
            QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        return d;
    };
    m_palette = new PaletteWidget(this);
    m_paletteDock = dock("paletteDock", m_palette, Qt::LeftDockWidgetArea);
    m_inspector = new InspectorWidget(m_document, this);
    m_inspector->setObjectName(QStringLiteral("inspector"));
    m_inspectorDock = dock("inspectorDock", m_inspector, Qt::RightDockWidgetArea);
    m_problemsPanel = new ProblemsPanel(m_document, this);
    m_problemsDock = dock("problemsDock", m_problemsPanel, Qt::BottomDockWidgetArea);
    m_output = new OutputPanel(this);
    m_outputDock = dock("outputDock", m_output, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_problemsDock, m_outputDock);
    m_tasksPanel = new TasksPanel(this);
    m_tasksDock = dock("tasksDock", m_tasksPanel, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_outputDock, m_tasksDock);
    m_timeline = new TimelineWidget(this);
    m_timelineDock = dock("timelineDock", m_timeline, Qt::BottomDockWidgetArea);
    tabifyDockWidget(m_tasksDock, m_timelineDock);
    m_problemsDock->raise();
    // The program as Python, under the inspector: beside the diagram, and seen with it.
    m_codePanel = new CodePanel(m_document, this);
    m_code = m_codePanel->view();
    m_codeDock = dock("codeDock", m_codePanel, Qt::RightDockWidgetArea);
    splitDockWidget(m_inspectorDock, m_codeDock, Qt::Vertical);
    // Where the keyboard is, for the panels that show no focus of their own.
    for (QWidget *panel : std::initializer_list<QWidget *> {
             m_view, m_palette, m_problemsPanel, m_output->view(), m_tasksPanel->view(), m_timeline, m_code})
        FocusRing::attach(panel);
    resizeDocks({m_paletteDock, m_inspectorDock}, {215, 330}, Qt::Horizontal);
}

void MainWindow::fitBottomDocks()
{
    // Tall enough for the tasks table's filter, heading and six rows, the panel that needs the
    // most, measured in this font (Russian, 144 DPI); but never more than half the window.
    const QTableView *table = m_tasksPanel->view();
    const int rows = 6 * table->verticalHeader()->defaultSectionSize();
    const int tasks = m_tasksPanel->filterEdit()->sizeHint().height() + table->horizontalHeader()->sizeHint().height()
        + rows + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 8;
    // The dock's title and the tab bar of the tabbed docks, as laid out now.
    int chrome = m_problemsDock->height() - m_problemsDock->widget()->height();
    for (const QTabBar *tabs : findChildren<QTabBar *>(Qt::FindDirectChildrenOnly))
        chrome += tabs->isVisible() ? tabs->sizeHint().height() : 0;
    const int wanted = std::min(tasks + chrome, height() / 2);
    resizeDocks({m_problemsDock}, {wanted}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Once, when the window is first laid out, unless the user's own sizes were restored.
    if (!m_dockSizesKnown) {
        m_dockSizesKnown = true;
        QMetaObject::invokeMethod(this, &MainWindow::fitBottomDocks, Qt::QueuedConnection);
    }
}

void MainWindow::retranslate()
{
    auto set = [this](const char *name, const QString &text, const QString &tip = {}) {
        if (QAction *a = action(QLatin1String(name))) {
            a->setText(text);
            QString toolTip = tip.isEmpty() ? QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")) : tip;
            if (!a->shortcut().isEmpty())
                toolTip += QStringLiteral(" (%1)").arg(a->shortcut().toString(QKeySequence::NativeText));
            a->setToolTip(toolTip);
            a->setStatusTip(tip);
        }
    };
    set("actionNew", tr("&New"), tr("Start a new, empty project"));
    set("actionOpen", tr("&Open…"), tr("Open a .tusk project"));
    set("actionSave", tr("&Save"), tr("Save the project"));
    set("actionSaveAs", tr("Save &As…"), tr("Save the project under another name"));
    set("actionExportPng", tr("Diagram as &PNG…"), tr("Export the diagram as a PNG image"));
    set("actionExportSvg", tr("Diagram as &SVG…"), tr("Export the diagram as an SVG drawing"));
    set("actionExportPython", tr("&Python Script…"), tr("Export the program as a Python script that prints the same"));
    set("actionQuit", tr("&Quit"));
    set("actionPreferences", tr("Pre&ferences…"), tr("Limits of a run: tasks, memory, recording, console lines"));
    set("actionCut", tr("Cu&t"));
    set("actionCopy", tr("&Copy"), tr("Copy the selection; it pastes as Python into a text editor"));
    set("actionPaste", tr("&Paste"), tr("Paste copied steps or coroutines, or Python code, which becomes coroutines"));
    set("actionImportPython", tr("&Import Python..."),
        tr("Turn a Python asyncio program into a diagram (you can also drop a .py file on the window)"));
    set("actionDelete", tr("&Delete"), tr("Delete the selected coroutines and steps"));
    set("actionSelectAll", tr("Select &All"));
    set("actionMoveUp", tr("Move Step &Up"));
    set("actionMoveDown", tr("Move Step Do&wn"));
    set("actionZoomIn", tr("Zoom &In"));
    set("actionZoomOut", tr("Zoom &Out"));
    set("actionZoomReset", tr("&Actual Size"));
    set("actionFit", tr("&Fit to Window"), tr("Show the whole diagram"));
    set("actionArrange", tr("Arrange &Automatically"),
        tr("Place the coroutines automatically, callers left of callees"));
    set("actionStop", tr("&Stop"), tr("Stop the running program"));
    set("actionGuide", tr("Quick &Guide"));
    set("actionAbout", tr("&About Tusk"));
    set("actionAboutQt", tr("About &Qt"));
    set("actionLanguageSystem", tr("System Language"));
    set("actionLanguageEnglish", QStringLiteral("English"));
    set("actionLanguageRussian", QStringLiteral("Русский"));
    set("actionThemeSystem", tr("System"));
    set("actionThemeLight", tr("Light"));
    set("actionThemeDark", tr("Dark"));
    m_runAction->setText(tr("&Run", "action"));
    m_undoAction->setToolTip(tr("Undo"));
    m_redoAction->setToolTip(tr("Redo"));

    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_examplesMenu->setTitle(tr("&Examples"));
    m_exportMenu->setTitle(tr("&Export"));
    m_exportMenu->menuAction()->setToolTip(tr("Export the diagram as PNG or SVG, or the program as Python"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_panelsMenu->setTitle(tr("&Panels"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_languageMenu->setTitle(tr("&Language"));
    m_runMenu->setTitle(tr("&Run", "menu"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_paletteDock->setWindowTitle(tr("Palette"));
    m_inspectorDock->setWindowTitle(tr("Inspector"));
    m_problemsDock->setWindowTitle(tr("Problems"));
    m_codeDock->setWindowTitle(tr("Python"));
    m_outputDock->setWindowTitle(tr("Output"));
    m_tasksDock->setWindowTitle(tr("Tasks"));
    m_timelineDock->setWindowTitle(tr("Timeline"));
    updateExamplesMenu();
    updateRecentMenu();
    updateRunState();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Texts drawn on the canvas (captions, problems) are in the new language too.
        m_document->modelChanged();
    }
    if (event->type() == QEvent::PaletteChange) {
        m_scene->update();
        updateRunState();  // the status bar's marks are coloured for the theme
    }
    QMainWindow::changeEvent(event);
}

// --- State shown ----------------------------------------------------------------------------

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — Tusk").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateRunState()
{
    const Problems &problems = m_document->problems();
    const bool running = m_output->isRunning();
    m_runAction->setEnabled(problems.empty() && !running);
    action(QStringLiteral("actionStop"))->setEnabled(running);
    const QString shortcut = m_runAction->shortcut().toString(QKeySequence::NativeText);
    if (problems.empty()) {
        m_runAction->setToolTip(tr("Run the program (%1)").arg(shortcut));
        m_statusState->setText(QStringLiteral("<span style='color:%1'>&#10003;</span> %2")
                                   .arg(Theme::readyColor().name(), tr("Ready to run")));
        m_statusState->setToolTip(QString());
    } else {
        const QString reason = ProblemText::message(problems.front());
        m_runAction->setToolTip(tr("Cannot run yet: %1").arg(reason));
        QString text = tr("Cannot run: %1").arg(reason);
        if (problems.size() > 1)
            text += QStringLiteral(" ") + tr("(and %1 more)").arg(problems.size() - 1);
        // Long reasons are cut in the status bar; the tooltip has them whole.
        const QString shown = m_statusState->fontMetrics().elidedText(text, Qt::ElideRight, 620);
        m_statusState->setText(QStringLiteral("<span style='color:%1'>&#9888;</span> %2")
                                   .arg(Theme::canvas().error.name(), shown.toHtmlEscaped()));
        m_statusState->setToolTip(
            text + QStringLiteral("\n") + tr("The Problems panel lists every problem and where it is."));
    }
    m_runAction->setStatusTip(m_runAction->toolTip());
}

void MainWindow::updateEditActions()
{
    const bool hasSelection = !m_scene->selectedItems().isEmpty();
    action(QStringLiteral("actionCut"))->setEnabled(hasSelection);
    action(QStringLiteral("actionCopy"))->setEnabled(hasSelection);
    action(QStringLiteral("actionDelete"))->setEnabled(hasSelection);
    const QMimeData *clip = QApplication::clipboard()->mimeData();
    action(QStringLiteral("actionPaste"))
        ->setEnabled(clip && (clip->hasFormat(DiagramScene::fragmentMimeType()) || clip->hasText()));
    const bool stepSelected = m_document->project().findStep(m_scene->currentItem()) != nullptr;
    action(QStringLiteral("actionMoveUp"))->setEnabled(stepSelected);
    action(QStringLiteral("actionMoveDown"))->setEnabled(stepSelected);
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (int i = 0; i < files.size(); ++i) {
        const QString file = files[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(file).fileName()));
        a->setToolTip(QDir::toNativeSeparators(file));
        a->setStatusTip(QDir::toNativeSeparators(file));
        connect(a, &QAction::triggered, this, [this, file] {
            if (maybeSave())
                openFile(file);
        });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear the List"), m_recent, &RecentFiles::clear);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

QStringList MainWindow::examples()
{
    QStringList files;
    const QDir dir(QStringLiteral(":/examples"));
    for (const QString &name : dir.entryList({QStringLiteral("*.tusk")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

void MainWindow::updateExamplesMenu()
{
    m_examplesMenu->clear();
    const QStringList files = examples();
    for (int i = 0; i < files.size(); ++i) {
        const QString file = files[i];
        QAction *a = m_examplesMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(exampleTitle(file, Language::instance()->current())));
        a->setObjectName(QStringLiteral("example_%1").arg(QFileInfo(file).completeBaseName()));
        connect(a, &QAction::triggered, this, [this, file] {
            if (maybeSave())
                openExample(file);
        });
    }
}

// --- Files ----------------------------------------------------------------------------------

QString MainWindow::startDirectory() const
{
    const QString last = QSettings().value(QStringLiteral("lastDirectory")).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir())
        return last;
    // ~/Documents may not exist (a fresh account, a server): a file dialog would then offer
    // "Documents" as the file name. The home folder always does.
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void MainWindow::rememberDirectory(const QString &fileName)
{
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(fileName).absolutePath());
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::warning(this, tr("Unsaved changes"),
        tr("“%1” has changes that are not saved.\nDo you want to save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::newProject()
{
    if (!maybeSave())
        return;
    m_document->newProject();
    m_output->clear();
    statusBar()->showMessage(tr("New project: drag steps such as sleep or print from the palette into main."), 5000);
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Project"), startDirectory(), tr("Tusk projects (*.tusk);;All files (*)"));
    if (!file.isEmpty())
        openFile(file);
}

QStringList MainWindow::loadErrorText(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems)
        lines << ProblemText::loadError(p);
    if (lines.isEmpty())
        lines << tr("The file could not be read.");
    return lines;
}

void MainWindow::showLoadError(const QString &fileName, const Problems &problems)
{
    const QStringList lines = loadErrorText(problems);
    m_lastError = lines.join(QLatin1Char('\n'));
    QMessageBox box(QMessageBox::Warning, tr("Cannot open the project"),
        tr("“%1” could not be opened. The project that was open stays as it was.").arg(QFileInfo(fileName).fileName()),
        QMessageBox::Ok, this);
    QString info = problems.size() == 1
        ? lines.front()
        : tr("%1 problems were found; the first:").arg(problems.size()) + QLatin1Char('\n') + lines.front();
    info += QStringLiteral("\n\n")
        + tr("If the file was edited by hand, fix it in a text editor (the place of each problem is given), "
             "then open it again.");
    box.setInformativeText(info);
    box.setDetailedText(m_lastError);
    box.exec();
}

bool MainWindow::openFile(const QString &fileName, bool interactive)
{
    Problems problems;
    if (!m_document->loadFile(fileName, &problems)) {
        m_lastError = loadErrorText(problems).join(QLatin1Char('\n'));
        if (!QFileInfo::exists(fileName))
            m_recent->remove(fileName);
        if (interactive)
            showLoadError(fileName, problems);
        statusBar()->showMessage(tr("Could not open %1.").arg(QFileInfo(fileName).fileName()), 5000);
        return false;
    }
    m_lastError.clear();
    m_recent->add(fileName);
    rememberDirectory(fileName);
    m_output->clear();
    statusBar()->showMessage(tr("Opened %1.").arg(QDir::toNativeSeparators(fileName)), 4000);
    return true;
}

bool MainWindow::openExample(const QString &resourcePath)
{
    QFile file(resourcePath);
    Problems problems;
    if (!file.open(QIODevice::ReadOnly)
        || !m_document->loadData(file.readAll(), QString(), QFileInfo(resourcePath).fileName(), false, &problems)) {
        showLoadError(resourcePath, problems);
        return false;
    }
    m_output->clear();
    statusBar()->showMessage(tr("Example opened. Save it to keep your changes."), 5000);
    return true;
}

void MainWindow::importPython()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import Python"), startDirectory(), tr("Python programs (*.py);;All files (*)"));
    if (!file.isEmpty())
        importPythonFile(file);
}

bool MainWindow::importPythonFile(const QString &fileName, bool interactive)
{
    const QString shown = QFileInfo(fileName).fileName();
    // Reading takes python3 a moment; the cursor says so.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    statusBar()->showMessage(tr("Reading %1 with python3...").arg(shown));
    PythonImport imported = tusk::importPythonFile(fileName);
    QApplication::restoreOverrideCursor();
    statusBar()->clearMessage();
    if (!imported.ok) {
        // The program's text goes to the Python panel with its problems marked, to be corrected
        // and applied there (or cancelled): the open project stays as it is until then.
        QFile source(fileName);
        const bool readable = source.open(QIODevice::ReadOnly);
        const bool marked = readable
            && std::any_of(
                imported.problems.begin(), imported.problems.end(), [](const Problem &p) { return p.line > 0; });
        if (marked) {
            m_codeDock->show();
            m_codeDock->raise();
            m_codePanel->startEditing(QString::fromUtf8(source.readAll()), imported.problems);
        }
        showImportProblems(tr("Cannot import the program"),
            marked ? tr("“%1” could not be imported. The project that was open stays as it was; the program is in "
                        "the Python panel with its problems marked: correct them there and press Apply, or "
                        "Cancel.")
                         .arg(shown)
                   : tr("“%1” could not be imported. The project that was open stays as it was.").arg(shown),
            shown, imported.problems, interactive, marked);
        statusBar()->showMessage(tr("Could not import %1.").arg(shown), 5000);
        return false;
    }
    // Asked only now: a program that does not import never costs the user their project.
    if (interactive && !maybeSave()) {
        statusBar()->clearMessage();
        return false;
    }
    m_lastError.clear();
    rememberDirectory(fileName);
    m_document->importProject(
        std::move(imported.project), QFileInfo(fileName).completeBaseName() + QStringLiteral(".tusk"));
    m_output->clear();
    statusBar()->showMessage(tr("Imported %1. Save it to keep it as a Tusk project.").arg(shown), 5000);
    return true;
}

bool MainWindow::paste()
{
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    if (!mime)
        return false;
    if (mime->hasFormat(DiagramScene::fragmentMimeType()))
        return m_scene->paste(mime);
    if (!mime->hasText() || mime->text().trimmed().isEmpty())
        return false;
    Problems problems;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool pasted = pastePython(m_document, mime->text(), &problems);
    QApplication::restoreOverrideCursor();
    if (!pasted) {
        showImportProblems(tr("Cannot paste the text"),
            tr("The text on the clipboard is not a program Tusk can hold yet, so nothing was pasted."),
            tr("pasted text"), problems, true);
        return false;
    }
    statusBar()->showMessage(tr("Pasted the Python as coroutines. Undo takes it back."), 5000);
    return true;
}

void MainWindow::showImportProblems(const QString &title, const QString &what, const QString &sourceName,
    const Problems &problems, bool interactive, bool inPanel)
{
    QStringList lines;
    for (const Problem &p : problems) {
        Problem shown = p;
        shown.message = ProblemText::message(p.message);
        lines << importProblemLine(sourceName, shown);
    }
    m_lastError = lines.join(QLatin1Char('\n'));
    if (!interactive)
        return;
    QMessageBox box(QMessageBox::Warning, title, what, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("importProblems"));
    QString info = lines.size() == 1
        ? lines.front()
        : tr("%n problems were found; the first:", nullptr, int(lines.size())) + QLatin1Char('\n') + lines.front();
    info += QStringLiteral("\n\n")
        + (inPanel ? tr("Tusk holds the asyncio steps of its palette. Change or remove what is listed in the Python "
                        "panel, then press Apply.")
                   : tr("Tusk holds the asyncio steps of its palette. Change or remove what is listed, then import "
                        "again."));
    box.setInformativeText(info);
    box.setDetailedText(m_lastError);
    box.exec();
}

bool MainWindow::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    return saveTo(m_document->fileName());
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->fileName();
    if (suggested.isEmpty()) {
        const QString name = m_document->suggestedFileName().isEmpty() ? tr("untitled") + QStringLiteral(".tusk")
                                                                       : m_document->suggestedFileName();
        suggested = QDir(startDirectory()).filePath(name);
    }
    QString file = QFileDialog::getSaveFileName(this, tr("Save Project As"), suggested, tr("Tusk projects (*.tusk)"));
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".tusk");
    return saveTo(file);
}

bool MainWindow::saveTo(const QString &fileName, bool interactive)
{
    QString error;
    if (!m_document->saveFile(fileName, &error)) {
        m_lastError = ProblemText::message(error);
        if (interactive) {
            QMessageBox::warning(this, tr("Cannot save the project"),
                tr("%1\n\nThe file on disk is unchanged. Choose another folder with Save As, or free "
                   "some space, and save again.")
                    .arg(m_lastError));
        }
        return false;
    }
    m_recent->add(fileName);
    rememberDirectory(fileName);
    statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(fileName)), 4000);
    return true;
}

void MainWindow::exportPng()
{
    exportTo(tr("Export Diagram as PNG"), QStringLiteral("png"), tr("PNG images (*.png)"),
        [this](const QString &file, QString *error) { return m_scene->exportPng(file, error); });
}

void MainWindow::exportSvg()
{
    exportTo(tr("Export Diagram as SVG"), QStringLiteral("svg"), tr("SVG drawings (*.svg)"),
        [this](const QString &file, QString *error) { return m_scene->exportSvg(file, error); });
}

void MainWindow::exportPythonScript()
{
    const QString source = QFileInfo(m_document->fileName()).fileName();
    exportTo(tr("Export Python Script"), QStringLiteral("py"), tr("Python scripts (*.py)"),
        [this, source](const QString &file, QString *error) {
            return writePythonScript(m_document->project(), file, source, error);
        });
}

void MainWindow::exportTrace()
{
    exportTo(tr("Export Trace"), QStringLiteral("trace.json"), tr("Chrome trace (*.json)"),
        [this](const QString &file, QString *error) { return m_runControls->exportTrace(file, error); });
}

QString MainWindow::exportSuggestion(const QString &suffix) const
{
    // Next to the project, named after it; a project never saved goes where files were last
    // opened or saved.
    const QString fileName = m_document->fileName();
    const QString source = fileName.isEmpty() ? m_document->suggestedFileName() : fileName;
    QString base = QFileInfo(source).completeBaseName();
    if (base.isEmpty())
        base = tr("diagram");
    const QString dir = fileName.isEmpty() ? startDirectory() : QFileInfo(fileName).absolutePath();
    return QDir(dir).filePath(QStringLiteral("%1.%2").arg(base, suffix));
}

void MainWindow::exportTo(const QString &title, const QString &suffix, const QString &filter,
    const std::function<bool(const QString &, QString *)> &write)
{
    const QString file = QFileDialog::getSaveFileName(this, title, exportSuggestion(suffix), filter);
    if (file.isEmpty())
        return;
    QString error;
    if (write(file, &error))
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(file)), 8000);
    else
        QMessageBox::warning(this, tr("Cannot export"), error);
}

void MainWindow::runProgram()
{
    if (!m_document->problems().empty()) {
        statusBar()->showMessage(m_runAction->toolTip(), 6000);
        m_problemsDock->show();
        m_problemsDock->raise();
        return;
    }
    m_outputDock->show();
    m_outputDock->raise();
    m_output->run(m_document->project());
}

void MainWindow::offerRecovery()
{
    const QList<AutoSave::Recovery> pending = AutoSave::pending(m_autoSave->directory());
    for (const AutoSave::Recovery &r : pending) {
        QMessageBox box(QMessageBox::Question, tr("Recover unsaved work?"),
            tr("Tusk did not close properly last time. Unsaved changes to “%1” from %2 were kept.")
                .arg(r.title, QLocale().toString(r.savedAt, QLocale::ShortFormat)),
            QMessageBox::NoButton, this);
        box.setInformativeText(tr("Recover them to continue where you left off, or discard them."));
        QPushButton *recoverButton = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.setDefaultButton(recoverButton);
        box.exec();
        if (box.clickedButton() == static_cast<QAbstractButton *>(recoverButton)
            && recover(r.projectFile, r.originalFile)) {
            AutoSave::discard(r, m_autoSave->directory());
            return;  // one project at a time; the others are offered next start
        }
        AutoSave::discard(r, m_autoSave->directory());
    }
}

bool MainWindow::recover(const QString &recoveryFile, const QString &originalFile)
{
    QFile file(recoveryFile);
    Problems problems;
    if (!file.open(QIODevice::ReadOnly)
        || !m_document->loadData(file.readAll(), originalFile, QString(), true, &problems)) {
        showLoadError(recoveryFile, problems);
        return false;
    }
    statusBar()->showMessage(tr("Recovered unsaved changes. Save them to keep them."), 6000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_output->stop();
    QSettings settings;
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!DiagramView::droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString file = DiagramView::droppedFile(event->mimeData());
    if (file.isEmpty())
        return;
    event->acceptProposedAction();
    if (file.endsWith(QLatin1String(".py"), Qt::CaseInsensitive))
        importPythonFile(file);
    else if (maybeSave())
        openFile(file);
}

}  // namespace tusk
