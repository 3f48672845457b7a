#pragma once

#include "eventloop.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace tusk {

/// Drives an EventLoop from the Qt event loop, never blocking it (QCoro-style: a QTimer
/// resumes the run). Two clocks:
/// - Virtual: time jumps to the next timer when nothing is ready; runs as fast as it can, in
///   slices of a few milliseconds so that the window stays responsive.
/// - Real: loop time is wall-clock time times a speed factor; a precise single-shot timer
///   wakes the run when the next asyncio timer is due.
/// A long synchronous stretch (a big `repeat` with no await) is cut into slices too.
class RunController : public QObject {
    Q_OBJECT
public:
    enum class Clock { Virtual, Real };
    enum class Status { Idle, Running, Paused, Finished };

    explicit RunController(std::shared_ptr<const Program> program, QObject *parent = nullptr);
    ~RunController() override;

    /// The loop, to attach observers and set limits before start(). Once the run has finished
    /// the loop has given its tasks' memory back (EventLoop::releaseMemory()): what a view
    /// needs of them is in its recording.
    EventLoop &loop() { return *m_loop; }

    void setClock(Clock clock);
    Clock clock() const { return m_clock; }
    /// Real clock: loop seconds per wall second (0.25 … 10). Takes effect at once.
    void setSpeed(double speed);
    double speed() const { return m_speed; }
    /// How long one slice may keep the Qt event loop busy.
    void setSliceMs(int ms) { m_sliceMs = ms; }
    /// Asked after every call into the loop: true ends the slice at once with sliceCut(), for
    /// an owner that must act between slices before the run goes on (the session thins its
    /// recording there, so that a storm of events cannot outgrow its budget by a frame's worth).
    void setCutSliceWhen(std::function<bool()> predicate) { m_cutSliceWhen = std::move(predicate); }

    Status status() const { return m_status; }
    /// The run's virtual time now, in nanoseconds: what a clock beside the run would read. On
    /// the real clock it moves on between the loop's events (a task asleep until 1.0 s is seen
    /// at 0.6 s), never past the loop's next timer; paused, it stays where the run stopped.
    std::int64_t clockNow();

public slots:
    void start();
    void pause();
    void resume();
    /// Runs exactly one event-loop iteration (waiting for the next timer first if nothing is
    /// ready, as the loop would). Pauses a running run first.
    void stepIteration();
    void stop();
    /// Stops the run as stop() does, for a limit its owner counts (the recording's).
    void stopForLimit(const tusk::LimitStop &limit);

signals:
    void statusChanged(tusk::RunController::Status status);
    void finished(tusk::RunOutcome outcome);
    /// A slice ended early because the setCutSliceWhen() predicate asked for it.
    void sliceCut();

private:
    void tick();
    void scheduleTick(std::int64_t wallDelayNs);
    std::int64_t realNow() const;
    void setStatus(Status s);
    void checkFinished();

    std::unique_ptr<EventLoop> m_loop;
    Clock m_clock = Clock::Virtual;
    Status m_status = Status::Idle;
    double m_speed = 1.0;
    int m_sliceMs = 8;
    std::function<bool()> m_cutSliceWhen;
    QTimer m_timer;
    QElapsedTimer m_wall;  ///< runs while the run is running on the real clock
    std::int64_t m_timeBase = 0;  ///< loop time when m_wall was started
};

}  // namespace tusk
