#pragma once

#include "runcontroller.h"
#include "runrecording.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace tusk {

/// One run as the GUI sees it: a RunController driving the loop, a RunRecording of every
/// event (for replay and trace export), and a throttle that tells views what is new at most
/// once per frame, however many thousand events a frame brings. Views read the recording in
/// their slot; they never see a half-applied event.
class RunSession : public QObject {
    Q_OBJECT
public:
    explicit RunSession(std::shared_ptr<const Program> program, QObject *parent = nullptr);
    ~RunSession() override;

    RunController &controller() { return *m_controller; }
    const RunRecording &recording() const { return m_recording; }
    const Program &program() const { return *m_program; }

    /// Applies `limits`: the loop's (tasks, memory) and the recording's budget. Before start().
    void setLimits(const RunLimits &limits);

    /// How often views hear about progress (default 16 ms, one frame).
    void setFrameInterval(int ms) { m_frame.setInterval(ms); }

Q_SIGNALS:
    /// Events [first, first + count) are new since the last signal.
    void eventsAdded(std::size_t first, std::size_t count);
    /// After the final eventsAdded.
    void finished(tusk::RunOutcome outcome);
    /// The recording is about to be thinned (RunRecording::setBudget): a view that noted
    /// event indices to read later reads them now; afterwards indices are no longer valid.
    void aboutToThin();
    /// The recording was thinned: events up to `beforeNs` keep their state changes only.
    void thinned(std::int64_t beforeNs);

private:
    void flush();
    /// The recording is over its budget and thinning can still help: what flush() acts on,
    /// and what cuts a slice short so that flush() runs at once.
    bool thinningDue() const { return m_recording.wantsThinning() && !m_recording.full(); }

    class Tap;
    std::shared_ptr<const Program> m_program;
    RunRecording m_recording;
    std::unique_ptr<Tap> m_tap;
    std::unique_ptr<RunController> m_controller;
    QTimer m_frame;
    std::size_t m_reported = 0;
};

}  // namespace tusk
