#pragma once

#include "chunkedvector.h"
#include "runevents.h"

#include <QString>
#include <algorithm>
#include <cstdint>
#include <vector>

namespace tusk {

/// A run's events in order, stored compactly: 16 bytes an event, with the times, deadlines and
/// texts that only some events carry kept to the side. A run of 10,000 tasks records some
/// 180,000 events; as full RunEvents (72 bytes) writing them cost more than running the
/// program. Reading rebuilds full RunEvents.
class RunEventLog {
public:
    RunEventLog() = default;
    RunEventLog(const RunEventLog &) = delete;
    RunEventLog &operator=(const RunEventLog &) = delete;

    void append(const RunEvent &event);

    std::size_t size() const { return m_events.size(); }
    bool empty() const { return m_events.empty(); }

    /// Event `i` in full. Finds its time by binary search: to read many, use forEach().
    RunEvent at(std::size_t i) const;
    RunEvent operator[](std::size_t i) const { return at(i); }

    /// A set of event kinds, for forEach(): kindBit(Kind::Printed) | kindBit(Kind::Warning) ...
    using KindMask = std::uint32_t;
    static constexpr KindMask kindBit(RunEvent::Kind kind) { return KindMask(1) << unsigned(kind); }
    static constexpr KindMask kAllKinds = ~KindMask(0);

    /// Calls `fn(const RunEvent &)` for events [first, last) in order; with `kinds`, only for
    /// events of those kinds (the others are skipped without being rebuilt).
    template<typename Fn> void forEach(std::size_t first, std::size_t last, Fn &&fn, KindMask kinds = kAllKinds) const
    {
        last = std::min(last, size());
        if (first >= last)
            return;
        std::size_t mark = markOf(first);
        RunEvent e;
        for (std::size_t i = first; i < last; ++i) {
            if (!(kinds & kindBit(m_events[i].kind)))
                continue;
            while (mark + 1 < m_marks.size() && m_marks[mark + 1].firstEvent <= i)
                ++mark;
            fill(i, mark, e);
            fn(static_cast<const RunEvent &>(e));
        }
    }

    /// The index just past the last event at or before `timeNs` (virtual time).
    std::size_t indexAfterTime(std::int64_t timeNs) const;

    /// About how many bytes the log holds (events, marks, texts, deadlines, task names).
    std::uint64_t approximateBytes() const
    {
        return std::uint64_t(m_events.size()) * sizeof(Compact) + m_marks.capacity() * sizeof(TimeMark) + m_textBytes
            + m_deadlines.capacity() * sizeof(std::int64_t)
            + m_taskNames.capacity() * (sizeof(QString) + sizeof(ItemId)) + m_nameBytes;
    }
    /// Which events a thinned part of the log keeps: what the timeline and the tasks panel need
    /// (creation, state changes, gathers, warnings, errors, the end), not steps or prints.
    static constexpr KindMask kStateKinds = (KindMask(1) << unsigned(RunEvent::Kind::TaskCreated))
        | (KindMask(1) << unsigned(RunEvent::Kind::StateChanged))
        | (KindMask(1) << unsigned(RunEvent::Kind::JoinedGather)) | (KindMask(1) << unsigned(RunEvent::Kind::Warning))
        | (KindMask(1) << unsigned(RunEvent::Kind::Error)) | (KindMask(1) << unsigned(RunEvent::Kind::RunFinished));
    /// Drops the steps and prints among events [0, `cut`), keeping their state changes; the
    /// events from `cut` on stay whole and move down by the returned count of dropped events.
    std::size_t thinBefore(std::size_t cut);

    /// Forward iteration over full events (range-for).
    class const_iterator {
    public:
        const_iterator(const RunEventLog *log, std::size_t i)
            : m_log(log)
            , m_i(i)
        {
        }
        RunEvent operator*() const { return m_log->at(m_i); }
        const_iterator &operator++()
        {
            ++m_i;
            return *this;
        }
        bool operator!=(const const_iterator &o) const { return m_i != o.m_i; }
        bool operator==(const const_iterator &o) const { return m_i == o.m_i; }

    private:
        const RunEventLog *m_log;
        std::size_t m_i;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

    /// The fixed part of an event. What `a` and `b` hold depends on the kind:
    /// TaskCreated a = creator, b = coroutine id (the name is in m_taskNames,
    /// the creating step in m_taskOrigins);
    /// StateChanged a = other, b = deadline index (Sleeping) or text index (final states);
    /// StepEntered a = step id, b = coroutine id; Printed/Warning/Error b = text index;
    /// JoinedGather a = gather id.
    struct Compact {
        RunEvent::Kind kind;
        TaskState state;
        RunOutcome outcome;
        std::uint8_t unused;
        TaskId task;
        std::uint32_t a;
        std::uint32_t b;
    };
    static_assert(sizeof(Compact) == 16);

    /// Events from `firstEvent` on happened at this loop iteration and virtual time (until the
    /// next mark): one mark per change of either, not one per event.
    struct TimeMark {
        std::uint64_t firstEvent;
        std::uint64_t iteration;
        std::int64_t timeNs;
    };

    std::size_t markOf(std::size_t event) const;
    void fill(std::size_t i, std::size_t mark, RunEvent &e) const;
    std::uint32_t addText(const QString &text);

    // 64 KiB chunks: see ChunkedVector on why a recording does not want huge pages.
    static constexpr std::size_t kChunkBytes = 64 * 1024;
    ChunkedVector<Compact, kChunkBytes> m_events;
    std::vector<TimeMark> m_marks;
    ChunkedVector<QString, kChunkBytes> m_texts;
    std::vector<std::int64_t> m_deadlines;
    std::vector<QString> m_taskNames;  ///< index = TaskId - 1
    std::vector<ItemId> m_taskOrigins;  ///< the step that created each task; index = TaskId - 1
    std::uint64_t m_textBytes = 0;  ///< m_texts: each QString and its characters
    std::uint64_t m_nameBytes = 0;  ///< the characters of m_taskNames
};

}  // namespace tusk
