#pragma once

#include "runevents.h"

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
};

}  // namespace tusk
