#include "runeventlog.h"

#include <algorithm>

namespace tusk {

std::uint32_t RunEventLog::addText(const QString &text)
{
    m_texts.push_back(text);  // implicitly shared: no copy of the characters
    m_textBytes += sizeof(QString) + std::uint64_t(text.size()) * sizeof(QChar);
    return std::uint32_t(m_texts.size() - 1);
}

void RunEventLog::append(const RunEvent &e)
{
    if (m_marks.empty() || m_marks.back().iteration != e.iteration || m_marks.back().timeNs != e.timeNs)
        m_marks.push_back({m_events.size(), e.iteration, e.timeNs});
    Compact c {e.kind, e.state, e.outcome, 0, e.task, kNone, kNone};
    switch (e.kind) {
    case RunEvent::Kind::TaskCreated:
        c.a = e.other;
        c.b = e.coroutineId;
        if (e.task >= 1) {
            if (m_taskNames.size() < e.task) {
                m_taskNames.resize(e.task);
                m_taskOrigins.resize(e.task, kNoId);
            }
            m_taskNames[e.task - 1] = e.text;
            m_nameBytes += std::uint64_t(e.text.size()) * sizeof(QChar);
            m_taskOrigins[e.task - 1] = e.stepId;
        }
        break;
    case RunEvent::Kind::StateChanged:
        c.a = e.other;
        if (e.state == TaskState::Sleeping) {
            c.b = std::uint32_t(m_deadlines.size());
            m_deadlines.push_back(e.deadlineNs);
        } else if (!e.text.isNull()) {
            c.b = addText(e.text);
        }
        break;
    case RunEvent::Kind::StepEntered:
        c.a = e.stepId;
        c.b = e.coroutineId;
        break;
    case RunEvent::Kind::Printed:
    case RunEvent::Kind::Warning:
    case RunEvent::Kind::Error:
        c.b = addText(e.text);
        break;
    case RunEvent::Kind::RunFinished:
        break;
    case RunEvent::Kind::JoinedGather:
        c.a = e.other;
        break;
    }
    m_events.push_back(c);
}

std::size_t RunEventLog::markOf(std::size_t event) const
{
    // The last mark that starts at or before the event.
    const auto it = std::upper_bound(
        m_marks.begin(), m_marks.end(), event, [](std::size_t i, const TimeMark &m) { return i < m.firstEvent; });
    return it == m_marks.begin() ? 0 : std::size_t(it - m_marks.begin() - 1);
}

void RunEventLog::fill(std::size_t i, std::size_t mark, RunEvent &e) const
{
    const Compact &c = m_events[i];
    e.kind = c.kind;
    e.state = c.state;
    e.outcome = c.outcome;
    e.task = c.task;
    e.other = 0;
    e.stepId = kNoId;
    e.coroutineId = kNoId;
    e.deadlineNs = 0;
    e.timeNs = m_marks[mark].timeNs;
    e.iteration = m_marks[mark].iteration;
    e.text = QString();
    switch (c.kind) {
    case RunEvent::Kind::TaskCreated:
        e.other = c.a;
        e.coroutineId = c.b;
        if (c.task >= 1 && c.task <= m_taskNames.size()) {
            e.text = m_taskNames[c.task - 1];
            e.stepId = m_taskOrigins[c.task - 1];
        }
        break;
    case RunEvent::Kind::StateChanged:
        e.other = c.a;
        if (c.b != kNone) {
            if (c.state == TaskState::Sleeping)
                e.deadlineNs = m_deadlines[c.b];
            else
                e.text = m_texts[c.b];
        }
        break;
    case RunEvent::Kind::StepEntered:
        e.stepId = c.a;
        e.coroutineId = c.b;
        break;
    case RunEvent::Kind::Printed:
    case RunEvent::Kind::Warning:
    case RunEvent::Kind::Error:
        if (c.b != kNone)
            e.text = m_texts[c.b];
        break;
    case RunEvent::Kind::RunFinished:
        break;
    case RunEvent::Kind::JoinedGather:
        e.other = c.a;
        break;
    }
}

std::size_t RunEventLog::thinBefore(std::size_t cut)
{
    cut = std::min(cut, size());
    ChunkedVector<Compact, kChunkBytes> events;
    ChunkedVector<QString, kChunkBytes> texts;
    std::vector<TimeMark> marks;
    std::uint64_t textBytes = 0;
    const auto keepText = [&](std::uint32_t index) {
        if (index == kNone)
            return kNone;
        const QString &text = m_texts[index];
        texts.push_back(text);
        textBytes += sizeof(QString) + std::uint64_t(text.size()) * sizeof(QChar);
        return std::uint32_t(texts.size() - 1);
    };
    std::size_t mark = 0;
    for (std::size_t i = 0; i < size(); ++i) {
        Compact c = m_events[i];
        if (i < cut && !(kStateKinds & kindBit(c.kind)))
            continue;
        while (mark + 1 < m_marks.size() && m_marks[mark + 1].firstEvent <= i)
            ++mark;
        const TimeMark &m = m_marks[mark];
        if (marks.empty() || marks.back().iteration != m.iteration || marks.back().timeNs != m.timeNs)
            marks.push_back({events.size(), m.iteration, m.timeNs});
        switch (c.kind) {
        case RunEvent::Kind::StateChanged:
            if (c.state != TaskState::Sleeping)
                c.b = keepText(c.b);
            break;
        case RunEvent::Kind::Printed:
        case RunEvent::Kind::Warning:
        case RunEvent::Kind::Error:
            c.b = keepText(c.b);
            break;
        default:
            break;
        }
        events.push_back(c);
    }
    const std::size_t dropped = size() - events.size();
    m_events = std::move(events);
    m_texts = std::move(texts);
    m_marks = std::move(marks);
    m_marks.shrink_to_fit();
    m_textBytes = textBytes;
    return dropped;
}

RunEvent RunEventLog::at(std::size_t i) const
{
    RunEvent e;
    fill(i, markOf(i), e);
    return e;
}

std::size_t RunEventLog::indexAfterTime(std::int64_t timeNs) const
{
    // Marks are in time order: the first one later than timeNs starts the events after it.
    const auto it = std::upper_bound(
        m_marks.begin(), m_marks.end(), timeNs, [](std::int64_t t, const TimeMark &m) { return t < m.timeNs; });
    return it == m_marks.end() ? size() : std::size_t(it->firstEvent);
}

}  // namespace tusk
