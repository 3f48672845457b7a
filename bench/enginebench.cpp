// Engine benchmark: the same asyncio programs in Tusk (virtual clock) and in CPython, in one
// run, so that the ratio holds on a noisy machine. Prints times, ratios and memory per task.
//
//   sleep0:  N tasks, each `for _ in range(10): await asyncio.sleep(0)`; main yields with
//            sleep(0) until they are all done
//   sleep1:  N tasks, each `await asyncio.sleep(1)` (all alive at once: memory per task); main
//            sleeps 2 s
//
// Times are CPU time (user + system) of the run: CPython runs on the real clock, so its idle
// waits must not count, and Tusk's virtual clock has none.
//
// Each figure is the best of several runs, each in a fresh process (a fresh heap, as a user's
// run has), because the machines are noisy.
//
// Usage: tusk_bench [--tasks N] [--python PATH] [--runs K] [--case sleep0|sleep1]

#include "benchprojects.h"
#include "compiler.h"
#include "eventloop.h"
#include "project.h"
#include "virtualrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

using namespace tusk;

namespace {

// Builds: worker() { repeat R { sleep S } } ; main() { repeat N { create_task worker() }; WAIT }
// where WAIT is `repeat R + 1 { sleep 0 }` for S = 0 and `sleep 2` otherwise.
Project benchProject(int tasks, int repeats, double seconds)
{
    Project p;
    p.title = QStringLiteral("bench");
    Coroutine worker;
    worker.name = QStringLiteral("worker");
    Step sleep;
    sleep.op = StepOp::Sleep;
    sleep.seconds = Operand::fromLiteral(seconds == 0 ? Value::integer(0) : Value::integer(std::int64_t(seconds)));
    Step repeat;
    repeat.op = StepOp::Repeat;
    repeat.times = Operand::fromLiteral(Value::integer(repeats));
    repeat.body.push_back(sleep);
    worker.body.push_back(repeat);

    Coroutine main = spawningMain(tasks);
    Step wait;
    wait.op = StepOp::Sleep;
    wait.seconds = Operand::fromLiteral(Value::integer(seconds == 0 ? 0 : 2));
    if (seconds == 0) {
        Step hops;
        hops.op = StepOp::Repeat;
        hops.times = Operand::fromLiteral(Value::integer(repeats + 1));
        hops.body.push_back(wait);
        main.body.push_back(hops);
    } else {
        main.body.push_back(wait);
    }

    p.coroutines.push_back(worker);
    p.coroutines.push_back(main);
    p.entry = QStringLiteral("main");
    p.assignIds();
    return p;
}

// Resident set size and its peak, in KiB (Linux /proc).
long procStatusKiB(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// CPU time of this process (user + system: page faults count).
double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

struct TuskResult {
    double seconds = 0;
    double bytesPerTask = 0;
};

TuskResult runTusk(int tasks, int repeats, double sleepSeconds)
{
    Program program;
    Problems problems;
    if (!compileProject(benchProject(tasks, repeats, sleepSeconds), &program, &problems)) {
        std::fprintf(stderr, "bench program does not compile: %s\n", qPrintable(problems.front().toString()));
        std::exit(2);
    }
    auto shared = std::make_shared<const Program>(std::move(program));
    resetPeakRss();
    const long before = procStatusKiB("VmRSS:");
    const double cpuBefore = cpuSeconds();
    {
        EventLoop loop(shared);
        runVirtual(loop);
        if (loop.outcome() != RunOutcome::Completed) {
            std::fprintf(stderr, "bench program did not complete\n");
            std::exit(2);
        }
    }
    TuskResult r;
    r.seconds = cpuSeconds() - cpuBefore;
    const long peak = procStatusKiB("VmHWM:");
    r.bytesPerTask = double(peak - before) * 1024.0 / tasks;
    return r;
}

const char *kPythonBench = R"PY(
import asyncio, resource, sys, time
N, R, S = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
async def worker():
    for _ in range(R):
        await asyncio.sleep(S)
async def main():
    for _ in range(N):
        asyncio.create_task(worker())
    if S == 0:
        for _ in range(R + 1):
            await asyncio.sleep(0)
    else:
        await asyncio.sleep(2)
def rss_kib():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
before = rss_kib()
with open('/proc/self/clear_refs', 'w') as f:
    f.write('5')
t0 = time.process_time()
asyncio.run(main())
t1 = time.process_time()
with open('/proc/self/status') as f:
    peak = [int(l.split()[1]) for l in f if l.startswith('VmHWM:')][0]
print(t1 - t0, (peak - before) * 1024 / N)
)PY";

// Runs one Tusk measurement in a child process (this executable with --child).
bool runTuskChild(const QString &self, const char *name, int tasks, TuskResult *out)
{
    QProcess p;
    p.start(self, {QStringLiteral("--child"), QString::fromLatin1(name), QString::number(tasks)});
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return false;
    const QList<QByteArray> parts = p.readAllStandardOutput().trimmed().split(' ');
    out->seconds = parts.value(0).toDouble();
    out->bytesPerTask = parts.value(1).toDouble();
    return true;
}

bool runPython(
    const QString &python, int tasks, int repeats, double sleepSeconds, double *seconds, double *bytesPerTask)
{
    QProcess p;
    p.start(python,
        {QStringLiteral("-c"), QString::fromUtf8(kPythonBench), QString::number(tasks), QString::number(repeats),
            QString::number(sleepSeconds)});
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        std::fprintf(stderr, "python run failed: %s\n", p.readAllStandardError().constData());
        return false;
    }
    const QList<QByteArray> parts = p.readAllStandardOutput().trimmed().split(' ');
    *seconds = parts.value(0).toDouble();
    *bytesPerTask = parts.value(1).toDouble();
    return true;
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int tasks = 100000;
    QString python = QStringLiteral("python3");
    QString only;  // run one case only (profiling)
    int runs = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--tasks") && i + 1 < args.size())
            tasks = args[++i].toInt();
        else if (args[i] == QLatin1String("--python") && i + 1 < args.size())
            python = args[++i];
        else if (args[i] == QLatin1String("--case") && i + 1 < args.size())
            only = args[++i];
        else if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
    }

    struct Case {
        const char *name;
        int repeats;
        double seconds;
    };
    const Case cases[] = {{"sleep1", 1, 1}, {"sleep0", 10, 0}};
    if (args.size() == 4 && args[1] == QLatin1String("--child")) {
        for (const Case &c : cases) {
            if (args[2] == QLatin1String(c.name)) {
                const TuskResult r = runTusk(args[3].toInt(), c.repeats, c.seconds);
                std::printf("%.6f %.1f\n", r.seconds, r.bytesPerTask);
                return 0;
            }
        }
        return 2;
    }
    std::printf("tasks=%d runs=%d (best of each)\n", tasks, runs);
    for (const Case &c : cases) {
        if (!only.isEmpty() && only != QLatin1String(c.name))
            continue;
        TuskResult tusk {1e9, 1e9};
        for (int r = 0; r < runs; ++r) {
            TuskResult one;
            if (!runTuskChild(QCoreApplication::applicationFilePath(), c.name, tasks, &one)) {
                std::fprintf(stderr, "tusk run of %s failed\n", c.name);
                return 1;
            }
            tusk.seconds = std::min(tusk.seconds, one.seconds);
            tusk.bytesPerTask = std::min(tusk.bytesPerTask, one.bytesPerTask);
        }
        double pySeconds = 1e9, pyBytes = 1e9;
        bool havePython = true;
        for (int r = 0; r < std::max(1, runs / 2) && havePython; ++r) {
            double s1 = 0, b1 = 0;
            havePython = runPython(python, tasks, c.repeats, c.seconds, &s1, &b1);
            pySeconds = std::min(pySeconds, s1);
            pyBytes = std::min(pyBytes, b1);
        }
        std::printf("%s: tusk_cpu_s=%.4f tusk_bytes_per_task=%.0f", c.name, tusk.seconds, tusk.bytesPerTask);
        if (havePython)
            std::printf(" cpython_cpu_s=%.4f cpython_bytes_per_task=%.0f speedup=%.1fx memory_ratio=%.2f", pySeconds,
                pyBytes, pySeconds / tusk.seconds, tusk.bytesPerTask / pyBytes);
        std::printf("\n");
        std::fflush(stdout);
    }
    return 0;
}
