#include "runrecording.h"

#include "jsonvalue.h"

#include <algorithm>
#include <map>

namespace tusk {

RunRecording::RunRecording(std::shared_ptr<const Program> program)
    : m_program(std::move(program))
{
}

void RunRecording::onRunEvent(const RunEvent &event)
{
    m_events.append(event);
    apply(m_live, event);
    if (event.kind == RunEvent::Kind::JoinedGather) {
        if (m_gatherChildren.size() <= event.other)
            m_gatherChildren.resize(std::size_t(event.other) + 1);
        m_gatherChildren[event.other].push_back(event.task);
    }
    // The size is summed every few thousand events, not on every one.
    if (m_budget && !m_full && ++m_sinceBudgetCheck >= 4096) {
        m_sinceBudgetCheck = 0;
        if (approximateBytes() > m_budget) {
            if (m_compaction == Compaction::Immediate)
                thin(m_events.size());
            else
                m_wantsThinning = true;
        }
    }
}

void RunRecording::setBudget(std::uint64_t bytes, Compaction when)
{
    m_budget = bytes;
    m_compaction = when;
}

std::size_t RunRecording::thin(std::size_t limit)
{
    m_wantsThinning = false;
    const std::size_t cut = std::min(limit, m_events.size() - m_events.size() / 4);
    std::size_t dropped = 0;
    if (cut > 0) {
        const std::int64_t cutNs = m_events.at(cut - 1).timeNs;
        dropped = m_events.thinBefore(cut);
        m_thinnedBeforeNs = std::max(m_thinnedBeforeNs, cutNs);
    }
    if (m_budget && approximateBytes() > m_budget / 4 * 3 && !m_full) {
        // What is left is mostly state changes: thinning again would gain little and cost a
        // pass over everything each time. The recording is full.
        m_full = true;
        if (m_onFull)
            m_onFull({LimitStop::Kind::Recording, m_budget, approximateBytes()});
    }
    return dropped;
}

const std::vector<TaskId> &RunRecording::gatherChildren(std::uint32_t gatherId) const
{
    static const std::vector<TaskId> none;
    return gatherId < m_gatherChildren.size() ? m_gatherChildren[gatherId] : none;
}

std::vector<WaitEdge> RunRecording::waitsAmong(const TaskList &tasks) const
{
    std::vector<WaitEdge> edges;
    const auto unfinished
        = [&tasks](TaskId id) { return id >= 1 && id <= tasks.size() && !isFinalState(tasks[id - 1].state); };
    for (const TaskSnapshot &t : tasks) {
        if (t.state == TaskState::WaitingTask) {
            if (unfinished(t.waitsOn))
                edges.push_back({t.id, t.waitsOn, false});
        } else if (t.state == TaskState::WaitingGather) {
            // A gather in the making at this moment may list children not created yet.
            for (TaskId child : gatherChildren(t.waitsOn)) {
                if (unfinished(child))
                    edges.push_back({t.id, child, true});
            }
        }
    }
    return edges;
}

QString RunRecording::coroutineName(ItemId coroutineId) const
{
    for (const CompiledCoroutine &c : m_program->coroutines) {
        if (c.id == coroutineId)
            return c.name;
    }
    return {};
}

std::size_t RunRecording::eventIndexAt(std::int64_t timeNs) const
{
    return m_events.indexAfterTime(timeNs);
}

void RunRecording::apply(TaskList &tasks, const RunEvent &e) const
{
    // Tasks are created in id order (the loop's own shutdown tasks are never reported, and
    // they come last), so the snapshot of task N sits at N - 1.
    TaskSnapshot *s = e.task >= 1 && e.task <= tasks.size() ? &tasks[e.task - 1] : nullptr;
    switch (e.kind) {
    case RunEvent::Kind::TaskCreated: {
        while (tasks.size() + 1 < e.task)
            tasks.emplace_back();
        TaskSnapshot &n = tasks.emplace_back();
        n.id = e.task;
        n.creator = e.other;
        n.name = e.text;
        n.coroutineId = e.coroutineId;
        n.coroutine = coroutineName(e.coroutineId);
        n.createdAt = e.stepId;
        n.variable = m_program ? m_program->taskVariables.value(e.stepId) : QString();
        n.createdNs = e.timeNs;
        break;
    }
    case RunEvent::Kind::StateChanged:
        if (s) {
            s->state = e.state;
            s->waitsOn = e.other;
            s->sleepsUntilNs = e.deadlineNs;
            if (isFinalState(e.state)) {
                s->finishedNs = e.timeNs;
                s->outcome = e.text;
            }
        }
        break;
    case RunEvent::Kind::StepEntered:
        if (s)
            s->stepId = e.stepId;
        break;
    default:
        break;
    }
}

TaskList RunRecording::tasksAfter(std::size_t eventCount) const
{
    TaskList tasks;
    m_events.forEach(0, eventCount, [&](const RunEvent &e) { apply(tasks, e); });
    return tasks;
}

namespace {

JsonValue num(double v)
{
    return JsonValue::floating(v);
}
JsonValue integer(std::int64_t v)
{
    return JsonValue::integer(v);
}
JsonValue str(const QString &s)
{
    return JsonValue::string(s);
}

}  // namespace

QByteArray RunRecording::toChromeTrace(const QString &title) const
{
    std::vector<JsonValue> out;
    const auto meta = [&out](TaskId tid, const char *what, const QString &value) {
        out.push_back(JsonValue::object(
            {{QStringLiteral("name"), str(QString::fromLatin1(what))}, {QStringLiteral("ph"), str(QStringLiteral("M"))},
                {QStringLiteral("pid"), integer(1)}, {QStringLiteral("tid"), integer(tid)},
                {QStringLiteral("args"), JsonValue::object({{QStringLiteral("name"), str(value)}})}}));
    };
    out.push_back(JsonValue::object({{QStringLiteral("name"), str(QStringLiteral("process_name"))},
        {QStringLiteral("ph"), str(QStringLiteral("M"))}, {QStringLiteral("pid"), integer(1)},
        {QStringLiteral("args"), JsonValue::object({{QStringLiteral("name"), str(title)}})}}));

    // Display time: virtual time, but never standing still between loop iterations.
    std::int64_t lastNs = -1;
    std::uint64_t lastIteration = 0;
    std::vector<std::int64_t> displayNs(m_events.size());
    std::size_t i = 0;
    m_events.forEach(0, m_events.size(), [&](const RunEvent &e) {
        std::int64_t t = e.timeNs;
        if (lastNs >= 0) {
            const bool switches = e.iteration != lastIteration
                || (e.kind == RunEvent::Kind::StateChanged && e.state == TaskState::Running);
            const std::int64_t floor = lastNs + (switches ? 1 : 0);
            t = std::max(t, floor);
        }
        displayNs[i++] = t;
        lastNs = t;
        lastIteration = e.iteration;
    });
    const auto us = [](std::int64_t ns) { return double(ns) / 1000.0; };

    struct Open {
        TaskState state;
        std::int64_t since;
        std::uint32_t other;
    };
    std::map<TaskId, Open> open;
    std::map<TaskId, QString> names;
    std::map<TaskId, std::vector<TaskId>> awaiters;  // awaited task -> tasks that wait on it
    std::uint64_t flowId = 0;
    const auto flow = [&](TaskId from, std::int64_t fromNs, TaskId to, std::int64_t toNs, const QString &name) {
        ++flowId;
        out.push_back(JsonValue::object({{QStringLiteral("name"), str(name)},
            {QStringLiteral("cat"), str(QStringLiteral("flow"))}, {QStringLiteral("ph"), str(QStringLiteral("s"))},
            {QStringLiteral("id"), integer(std::int64_t(flowId))}, {QStringLiteral("pid"), integer(1)},
            {QStringLiteral("tid"), integer(from)}, {QStringLiteral("ts"), num(us(fromNs))}}));
        out.push_back(JsonValue::object(
            {{QStringLiteral("name"), str(name)}, {QStringLiteral("cat"), str(QStringLiteral("flow"))},
                {QStringLiteral("ph"), str(QStringLiteral("f"))}, {QStringLiteral("bp"), str(QStringLiteral("e"))},
                {QStringLiteral("id"), integer(std::int64_t(flowId))}, {QStringLiteral("pid"), integer(1)},
                {QStringLiteral("tid"), integer(to)}, {QStringLiteral("ts"), num(us(toNs))}}));
    };
    const auto closeSlice = [&](TaskId tid, std::int64_t endNs) {
        auto it = open.find(tid);
        if (it == open.end())
            return;
        const Open &o = it->second;
        JsonValue args = JsonValue::object();
        if (o.state == TaskState::WaitingTask)
            args.set(QStringLiteral("waits on"), str(names[o.other]));
        out.push_back(JsonValue::object({{QStringLiteral("name"), str(QString::fromLatin1(taskStateName(o.state)))},
            {QStringLiteral("cat"), str(QStringLiteral("state"))}, {QStringLiteral("ph"), str(QStringLiteral("X"))},
            {QStringLiteral("pid"), integer(1)}, {QStringLiteral("tid"), integer(tid)},
            {QStringLiteral("ts"), num(us(o.since))},
            {QStringLiteral("dur"), num(us(std::max<std::int64_t>(endNs - o.since, 0)))},
            {QStringLiteral("args"), args}}));
        open.erase(it);
    };

    i = 0;
    m_events.forEach(0, m_events.size(), [&](const RunEvent &e) {
        const std::int64_t t = displayNs[i++];
        switch (e.kind) {
        case RunEvent::Kind::TaskCreated:
            names[e.task] = e.text;
            meta(e.task, "thread_name",
                taskLabel(e.text, coroutineName(e.coroutineId), m_program->taskVariables.value(e.stepId)));
            out.push_back(JsonValue::object({{QStringLiteral("name"), str(QStringLiteral("thread_sort_index"))},
                {QStringLiteral("ph"), str(QStringLiteral("M"))}, {QStringLiteral("pid"), integer(1)},
                {QStringLiteral("tid"), integer(e.task)},
                {QStringLiteral("args"), JsonValue::object({{QStringLiteral("sort_index"), integer(e.task)}})}}));
            if (e.other != kNoTask)
                flow(e.other, t, e.task, t, QStringLiteral("create_task"));
            break;
        case RunEvent::Kind::StateChanged:
            closeSlice(e.task, t);
            if (e.state == TaskState::WaitingTask)
                awaiters[e.other].push_back(e.task);
            if (isFinalState(e.state)) {
                for (TaskId waiter : awaiters[e.task])
                    flow(e.task, t, waiter, t, QStringLiteral("await"));
                awaiters.erase(e.task);
                out.push_back(
                    JsonValue::object({{QStringLiteral("name"), str(QString::fromLatin1(taskStateName(e.state)))},
                        {QStringLiteral("ph"), str(QStringLiteral("i"))},
                        {QStringLiteral("s"), str(QStringLiteral("t"))}, {QStringLiteral("pid"), integer(1)},
                        {QStringLiteral("tid"), integer(e.task)}, {QStringLiteral("ts"), num(us(t))}}));
            } else {
                open[e.task] = Open {e.state, t, e.other};
            }
            break;
        case RunEvent::Kind::Printed:
            out.push_back(JsonValue::object({{QStringLiteral("name"), str(QStringLiteral("print"))},
                {QStringLiteral("ph"), str(QStringLiteral("i"))}, {QStringLiteral("s"), str(QStringLiteral("t"))},
                {QStringLiteral("pid"), integer(1)}, {QStringLiteral("tid"), integer(e.task)},
                {QStringLiteral("ts"), num(us(t))},
                {QStringLiteral("args"), JsonValue::object({{QStringLiteral("text"), str(e.text)}})}}));
            break;
        case RunEvent::Kind::Warning:
        case RunEvent::Kind::Error:
            out.push_back(JsonValue::object(
                {{QStringLiteral("name"),
                     str(e.kind == RunEvent::Kind::Error ? QStringLiteral("error") : QStringLiteral("warning"))},
                    {QStringLiteral("ph"), str(QStringLiteral("i"))}, {QStringLiteral("s"), str(QStringLiteral("g"))},
                    {QStringLiteral("pid"), integer(1)}, {QStringLiteral("tid"), integer(e.task)},
                    {QStringLiteral("ts"), num(us(t))},
                    {QStringLiteral("args"), JsonValue::object({{QStringLiteral("text"), str(e.text)}})}}));
            break;
        case RunEvent::Kind::RunFinished: {
            std::vector<TaskId> still;
            for (const auto &[tid, o] : open)
                still.push_back(tid);
            for (TaskId tid : still)
                closeSlice(tid, t);
            break;
        }
        case RunEvent::Kind::StepEntered:
        case RunEvent::Kind::JoinedGather:
            break;
        }
    });
    JsonValue root = JsonValue::object({{QStringLiteral("traceEvents"), JsonValue::array(std::move(out))},
        {QStringLiteral("displayTimeUnit"), str(QStringLiteral("ms"))}});
    return writeJson(root);
}

}  // namespace tusk
