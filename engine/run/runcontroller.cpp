#include "runcontroller.h"

#include "chunkpool.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cmath>

namespace tusk {

namespace {
constexpr std::int64_t kSliceBudget = 20000;  // instructions between clock checks
constexpr std::uint64_t kTrimAboveBytes = ChunkPool::kRetainBytes;
}  // namespace

RunController::RunController(std::shared_ptr<const Program> program, QObject *parent)
    : QObject(parent)
    , m_loop(std::make_unique<EventLoop>(std::move(program)))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RunController::tick);
}

RunController::~RunController() = default;

void RunController::setClock(Clock clock)
{
    if (m_status == Status::Running && m_clock == Clock::Real)
        m_timeBase = realNow();
    m_clock = clock;
    m_wall.restart();
}

void RunController::setSpeed(double speed)
{
    if (!(speed > 0))
        return;
    if (m_status == Status::Running && m_clock == Clock::Real) {
        m_timeBase = realNow();
        m_wall.restart();
    }
    m_speed = speed;
    if (m_status == Status::Running)
        scheduleTick(0);
}

std::int64_t RunController::realNow() const
{
    return m_timeBase + std::int64_t(std::llround(double(m_wall.nsecsElapsed()) * m_speed));
}

std::int64_t RunController::clockNow()
{
    std::int64_t now = m_loop->now();
    if (m_clock == Clock::Real && (m_status == Status::Running || m_status == Status::Paused)) {
        std::int64_t wall = m_status == Status::Running ? realNow() : m_timeBase;
        const std::int64_t deadline = m_loop->nextDeadline();
        if (deadline != EventLoop::kNoDeadline)
            wall = std::min(wall, deadline);  // never ahead of what the loop does next
        now = std::max(now, wall);
    }
    return now;
}

void RunController::setStatus(Status s)
{
    if (m_status == s)
        return;
    m_status = s;
    emit statusChanged(s);
}

void RunController::start()
{
    if (m_status != Status::Idle)
        return;
    m_loop->start();
    m_timeBase = 0;
    m_wall.start();
    setStatus(Status::Running);
    scheduleTick(0);
}

void RunController::pause()
{
    if (m_status != Status::Running)
        return;
    if (m_clock == Clock::Real)
        m_timeBase = realNow();
    m_timer.stop();
    setStatus(Status::Paused);
}

void RunController::resume()
{
    if (m_status == Status::Idle) {
        start();
        return;
    }
    if (m_status != Status::Paused)
        return;
    // Time goes on from where it was paused (or stepped to), not from the loop's last event.
    m_timeBase = std::max(m_timeBase, m_loop->now());
    m_wall.restart();
    setStatus(Status::Running);
    scheduleTick(0);
}

void RunController::stepIteration()
{
    if (m_status == Status::Finished)
        return;
    if (m_status == Status::Idle) {
        m_loop->start();
        setStatus(Status::Paused);
    } else if (m_status == Status::Running) {
        pause();
    }
    m_loop->skipIdleTime();
    while (!m_loop->runIteration()) { }
    m_timeBase = m_loop->now();
    checkFinished();
}

void RunController::stop()
{
    if (m_status == Status::Finished)
        return;
    if (m_status == Status::Idle)
        m_loop->start();
    m_timer.stop();
    m_loop->stop();
    checkFinished();
}

void RunController::scheduleTick(std::int64_t wallDelayNs)
{
    // QTimer counts milliseconds; round up so that a timer never fires before its deadline.
    const std::int64_t ms = (wallDelayNs + 999999) / 1000000;
    m_timer.start(int(std::min<std::int64_t>(ms, 24 * 3600 * 1000)));
}

void RunController::stopForLimit(const LimitStop &limit)
{
    if (m_status == Status::Finished)
        return;
    if (m_status == Status::Idle)
        m_loop->start();
    m_timer.stop();
    m_loop->stopForLimit(limit);
    checkFinished();
}

void RunController::checkFinished()
{
    if (!m_loop->finished())
        return;
    m_timer.stop();
    // A finished run of a million tasks holds its gigabyte until the next run otherwise.
    const bool heldMuch = m_loop->heldBytes() > kTrimAboveBytes;
    m_loop->releaseMemory();
#ifdef __GLIBC__
    // glibc keeps freed memory for the process unless asked to give it back. Asking walks the
    // whole heap (milliseconds), so only after a run that held more than the pool keeps anyway.
    if (heldMuch)
        malloc_trim(0);
#endif
    setStatus(Status::Finished);
    emit finished(m_loop->outcome());
}

void RunController::tick()
{
    if (m_status != Status::Running)
        return;
    QElapsedTimer slice;
    slice.start();
    while (slice.elapsed() < m_sliceMs) {
        if (m_loop->atIterationBoundary()) {
            if (m_clock == Clock::Real)
                m_loop->advanceTo(realNow());
            if (!m_loop->hasReady()) {
                const std::int64_t deadline = m_loop->nextDeadline();
                if (deadline != EventLoop::kNoDeadline && deadline > m_loop->now()) {
                    if (m_clock == Clock::Real) {
                        scheduleTick(std::int64_t(double(deadline - m_loop->now()) / m_speed));
                        return;
                    }
                    m_loop->advanceTo(deadline);
                }
            }
        }
        m_loop->runIteration(kSliceBudget);
        if (m_loop->finished()) {
            checkFinished();
            return;
        }
        if (m_cutSliceWhen && m_cutSliceWhen()) {
            emit sliceCut();
            if (m_status != Status::Running)
                return;  // the owner stopped or paused the run
            break;
        }
    }
    scheduleTick(0);  // let the Qt event loop turn, then go on
}

}  // namespace tusk
