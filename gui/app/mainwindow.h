#pragma once

#include "problem.h"
#include "project.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;

namespace tusk {

class AutoSave;
class DiagramScene;
class DiagramView;
class Document;
class CodePanel;
class CodeView;
class InspectorWidget;
class OutputPanel;
class PaletteWidget;
class ProblemsPanel;
class RecentFiles;
class RunControls;
class TasksPanel;
class TimelineWidget;

/// The editor window: the canvas in the centre, the palette, inspector, problems and output
/// docks around it, and the File, Edit, View, Run and Help menus. File handling follows Qt's
/// application example (maybeSave, setWindowModified, atomic saves).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// `autoSaveDirectory` empty: the standard recovery directory.
    explicit MainWindow(const QString &autoSaveDirectory = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    Document *document() const { return m_document; }
    DiagramScene *scene() const { return m_scene; }
    DiagramView *view() const { return m_view; }
    PaletteWidget *palette() const { return m_palette; }
    CodeView *codeView() const { return m_code; }
    CodePanel *codePanel() const { return m_codePanel; }
    InspectorWidget *inspector() const { return m_inspector; }
    ProblemsPanel *problemsPanel() const { return m_problemsPanel; }
    OutputPanel *outputPanel() const { return m_output; }
    TasksPanel *tasksPanel() const { return m_tasksPanel; }
    TimelineWidget *timeline() const { return m_timeline; }
    RunControls *runControls() const { return m_runControls; }
    AutoSave *autoSave() const { return m_autoSave; }
    RecentFiles *recentFiles() const { return m_recent; }
    QAction *runAction() const { return m_runAction; }
    /// An action by object name (`actionSave`), for tests and for the menus themselves.
    QAction *action(const QString &name) const;

    /// Opens a file; on failure shows why (when `interactive`) and keeps the open project.
    bool openFile(const QString &fileName, bool interactive = true);
    bool openExample(const QString &resourcePath);
    /// Imports a Python program as a new, unsaved project; on failure shows each problem (when
    /// `interactive`) and keeps the open project.
    bool importPythonFile(const QString &fileName, bool interactive = true);
    /// Paste: steps and coroutines copied in Tusk, or Python text (which becomes coroutines).
    bool paste();
    bool saveTo(const QString &fileName, bool interactive = true);
    /// The reasons the last open failed, as shown to the user.
    QString lastError() const { return m_lastError; }
    /// At start-up: offers the work a crashed editor left behind.
    void offerRecovery();
    bool recover(const QString &recoveryFile, const QString &originalFile);

    /// The bundled examples (`:/examples/NN-name.tusk`), in order.
    static QStringList examples();

public slots:
    void newProject();
    void open();
    void importPython();
    bool save();
    bool saveAs();
    void exportPng();
    void exportSvg();
    void exportPythonScript();
    void exportTrace();
    void runProgram();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    /// Gives the bottom docks a height that shows some rows (first show, nothing saved).
    void fitBottomDocks();
    void retranslate();
    void updateTitle();
    void updateRunState();
    void updateEditActions();
    void updateRecentMenu();
    void updateExamplesMenu();
    bool maybeSave();
    QString startDirectory() const;
    void rememberDirectory(const QString &fileName);
    static QStringList loadErrorText(const Problems &problems);
    void showLoadError(const QString &fileName, const Problems &problems);
    /// The problems of Python that did not import, one `FILE:LINE:COLUMN: what` line each.
    /// `inPanel`: the program waits in the Python panel, to be corrected there.
    void showImportProblems(const QString &title, const QString &what, const QString &sourceName,
        const Problems &problems, bool interactive, bool inPanel = false);
    /// Where an export is offered to go: next to the project, named after it (`two-tasks.png`).
    QString exportSuggestion(const QString &suffix) const;
    /// Asks where to write an export, writes it with `write`, says where it went.
    void exportTo(const QString &title, const QString &suffix, const QString &filter,
        const std::function<bool(const QString &, QString *)> &write);
    QAction *makeAction(const char *name, const QString &icon, const QKeySequence &shortcut = {});

    Document *m_document;
    DiagramScene *m_scene;
    DiagramView *m_view;
    PaletteWidget *m_palette = nullptr;
    InspectorWidget *m_inspector = nullptr;
    ProblemsPanel *m_problemsPanel = nullptr;
    OutputPanel *m_output = nullptr;
    TasksPanel *m_tasksPanel = nullptr;
    TimelineWidget *m_timeline = nullptr;
    RunControls *m_runControls = nullptr;
    RecentFiles *m_recent;
    AutoSave *m_autoSave;

    QDockWidget *m_paletteDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_outputDock = nullptr;
    QDockWidget *m_tasksDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    CodePanel *m_codePanel = nullptr;
    CodeView *m_code = nullptr;
    QDockWidget *m_codeDock = nullptr;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_examplesMenu = nullptr;
    QMenu *m_exportMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_runMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_runAction = nullptr;
    QLabel *m_statusState = nullptr;
    QLabel *m_statusZoom = nullptr;
    QString m_lastError;
    bool m_dockSizesKnown = false;  ///< restored from the settings, or fitted at the first show
};

}  // namespace tusk
