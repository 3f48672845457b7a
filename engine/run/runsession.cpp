#include "runsession.h"

namespace tusk {

/// Forwards events to the recording and wakes the frame timer on the first one of a frame.
class RunSession::Tap final : public RunObserver {
public:
    Tap(RunRecording &recording, QTimer &frame)
        : m_recording(recording)
        , m_frame(frame)
    {
    }
    void onRunEvent(const RunEvent &event) override
    {
        m_recording.onRunEvent(event);
        // A flag, not QTimer::isActive(): this runs for every one of millions of events.
        if (!m_armed) {
            m_armed = true;
            m_frame.start();
        }
    }
    /// The frame timer fired or was stopped: the next event starts it again.
    void disarm() { m_armed = false; }

private:
    RunRecording &m_recording;
    QTimer &m_frame;
    bool m_armed = false;
};

RunSession::RunSession(std::shared_ptr<const Program> program, QObject *parent)
    : QObject(parent)
    , m_program(program)
    , m_recording(program)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(16);
    m_tap = std::make_unique<Tap>(m_recording, m_frame);
    m_controller = std::make_unique<RunController>(program);
    m_controller->loop().addObserver(m_tap.get());
    connect(&m_frame, &QTimer::timeout, this, &RunSession::flush);
    // Thin as soon as the recording asks, not at the next frame: prints with no await between
    // them add megabytes per frame.
    m_controller->setCutSliceWhen([this] { return thinningDue(); });
    connect(m_controller.get(), &RunController::sliceCut, this, &RunSession::flush);
    m_recording.setBudget(RunLimits().maxRecordingBytes, RunRecording::Compaction::WhenAsked);
    connect(m_controller.get(), &RunController::finished, this, [this](RunOutcome outcome) {
        m_frame.stop();
        flush();
        Q_EMIT finished(outcome);
    });
}

RunSession::~RunSession()
{
    m_controller->loop().removeObserver(m_tap.get());
}

void RunSession::setLimits(const RunLimits &limits)
{
    m_controller->loop().setLimits(limits);
    m_recording.setBudget(limits.maxRecordingBytes, RunRecording::Compaction::WhenAsked);
}

void RunSession::flush()
{
    m_tap->disarm();
    const std::size_t total = m_recording.events().size();
    if (total != m_reported) {
        const std::size_t first = m_reported;
        m_reported = total;
        Q_EMIT eventsAdded(first, total - first);
    }
    // Between frames no view is half-way through the events: the moment to thin them.
    if (thinningDue()) {
        Q_EMIT aboutToThin();
        m_reported -= m_recording.thin(m_reported);
        Q_EMIT thinned(m_recording.thinnedBeforeNs());
        if (m_recording.full())
            m_controller->stopForLimit(
                {LimitStop::Kind::Recording, m_recording.budget(), m_recording.approximateBytes()});
    }
}

}  // namespace tusk
