#pragma once

// Test helper: runs a project on the virtual clock and captures what it prints.

#include "compiler.h"
#include "eventloop.h"
#include "projectjson.h"
#include "runevents.h"
#include "virtualrunner.h"

#include <QDebug>
#include <QString>
#include <QStringList>
#include <memory>

namespace tusk::test {

/// Collects printed lines, warnings and errors of a run.
class Capture final : public RunObserver {
public:
    void onRunEvent(const RunEvent &e) override
    {
        if (e.kind == RunEvent::Kind::Printed)
            printed << e.text;
        else if (e.kind == RunEvent::Kind::Warning)
            warnings << e.text;
        else if (e.kind == RunEvent::Kind::Error)
            errors << e.text;
        else if (e.kind == RunEvent::Kind::TaskCreated)
            ++tasksCreated;
    }
    QStringList printed;
    QStringList warnings;
    QStringList errors;
    int tasksCreated = 0;
};

/// Loads and compiles a project given as JSON text; nullptr (with a warning naming the first
/// problem) when it does not load or compile.
inline std::shared_ptr<Program> compileJson(const QByteArray &json)
{
    Project project;
    Problems problems;
    auto program = std::make_shared<Program>();
    if (!loadProject(json, &project, &problems) || !compileProject(project, program.get(), &problems)) {
        qWarning() << (problems.empty() ? QString() : problems.front().toString());
        return nullptr;
    }
    return program;
}

struct RunResult {
    bool loaded = false;
    QString loadError;
    RunOutcome outcome = RunOutcome::Completed;
    QString output;  ///< printed lines, each ending in '\n', as stdout would hold them
    QString errorLine;  ///< the traceback's last line for a failed run
};

/// Loads `fileName`, runs it virtually. With `budget` > 0 every call into the loop executes at
/// most that many instructions, to exercise preemption inside long steps.
inline RunResult runFile(const QString &fileName, std::int64_t budget = 0)
{
    RunResult r;
    Project project;
    Problems problems;
    auto program = std::make_shared<Program>();
    if (!loadProjectFile(fileName, &project, &problems) || !compileProject(project, program.get(), &problems)) {
        r.loadError = problems.empty() ? QStringLiteral("?") : problems.front().toString();
        return r;
    }
    r.loaded = true;
    EventLoop loop(program);
    Capture capture;
    loop.addObserver(&capture);
    r.outcome = budget > 0 ? runVirtual(loop, budget) : runVirtual(loop);
    for (const QString &line : capture.printed)
        r.output += line + QLatin1Char('\n');
    r.errorLine = loop.errorLine();
    return r;
}

}  // namespace tusk::test
