#pragma once

#include "problem.h"
#include "project.h"

#include <QCoreApplication>
#include <QString>

namespace tusk {

/// The engine reports problems in English, in the terms of the file format. The editor shows
/// them in the user's language and in its own terms (the inspector, the palette): this class
/// recognises the validator's messages and rewrites them through tr(). A message it does not
/// know is shown as the engine wrote it.
class ProblemText {
    Q_DECLARE_TR_FUNCTIONS(tusk::ProblemText)
public:
    static QString message(const Problem &problem);
    static QString message(const QString &engineMessage);
    /// Where a problem is, for people: `main › step 3`, `worker › parameters`, `Project`.
    static QString location(const Project &project, const Problem &problem);
    /// `line 3, column 5: message`, or the message alone, for load errors.
    static QString loadError(const Problem &problem);
};

}  // namespace tusk
