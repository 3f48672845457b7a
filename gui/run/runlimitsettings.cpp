#include "runlimitsettings.h"

#include <QSettings>

namespace tusk {

namespace {

constexpr char kTasksKey[] = "runLimits/liveTasks";
constexpr char kMemoryKey[] = "runLimits/memoryBytes";
constexpr char kRecordingKey[] = "runLimits/recordingBytes";
constexpr char kConsoleKey[] = "runLimits/consoleLines";

std::uint64_t read(const QSettings &settings, const char *key, std::uint64_t fallback)
{
    bool ok = false;
    const qulonglong value = settings.value(QLatin1String(key)).toULongLong(&ok);
    return ok ? std::uint64_t(value) : fallback;
}

}  // namespace

RunLimits savedRunLimits()
{
    const QSettings settings;
    const RunLimits defaults;
    RunLimits limits;
    limits.maxLiveTasks = read(settings, kTasksKey, defaults.maxLiveTasks);
    limits.maxMemoryBytes = read(settings, kMemoryKey, defaults.maxMemoryBytes);
    limits.maxRecordingBytes = read(settings, kRecordingKey, defaults.maxRecordingBytes);
    limits.maxConsoleLines = read(settings, kConsoleKey, defaults.maxConsoleLines);
    return limits;
}

void saveRunLimits(const RunLimits &limits)
{
    QSettings settings;
    settings.setValue(QLatin1String(kTasksKey), qulonglong(limits.maxLiveTasks));
    settings.setValue(QLatin1String(kMemoryKey), qulonglong(limits.maxMemoryBytes));
    settings.setValue(QLatin1String(kRecordingKey), qulonglong(limits.maxRecordingBytes));
    settings.setValue(QLatin1String(kConsoleKey), qulonglong(limits.maxConsoleLines));
}

}  // namespace tusk
