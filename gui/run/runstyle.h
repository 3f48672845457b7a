#pragma once

#include "runevents.h"
#include "runrecording.h"

#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace tusk {

/// How the run views show a task state: never by colour alone, so each state has a name, a
/// glyph for text and a shape for icons, besides its Okabe-Ito colour (Theme::taskStateColor).
class RunStyle {
    Q_DECLARE_TR_FUNCTIONS(tusk::RunStyle)
public:
    static QString stateName(TaskState state);
    static QString stateGlyph(TaskState state);
    /// A small shape in the state's colour: circle, diamond, triangle, clock, ...
    static QIcon stateIcon(TaskState state);
    /// What a task is doing, in words: "Sleeping until 1.0 s", "Waiting for Task-2 · task1() · t1",
    /// "Waiting for a gather: 2 of 3 left". `tasks` is the list `task` belongs to; `recording`,
    /// when given, is its run (for a gather's children).
    static QString stateText(const TaskSnapshot &task, const TaskList &tasks, const RunRecording *recording);
};

}  // namespace tusk
