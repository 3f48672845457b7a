#include "document.h"

#include "autolayout.h"
#include "newitems.h"
#include "nodemetrics.h"
#include "projectjson.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cmath>

namespace tusk {

namespace {

bool readPoint(const JsonValue &v, QPointF *out)
{
    const JsonValue *x = v.find(QStringLiteral("x"));
    const JsonValue *y = v.find(QStringLiteral("y"));
    if (!x || !y || !x->isNumber() || !y->isNumber())
        return false;
    *out = QPointF(x->toFloat(), y->toFloat());
    return true;
}

bool isPositionEntry(const JsonValue &v)
{
    QPointF ignored;
    return v.isObject() && readPoint(v, &ignored);
}

// Positions from `layout`, and automatic ones for coroutines it does not place (below the
// placed ones, so that nothing overlaps).
QHash<ItemId, QPointF> positionsFor(const Project &project)
{
    QHash<ItemId, QPointF> positions;
    qreal bottom = -1;
    for (const Coroutine &c : project.coroutines) {
        const JsonValue *entry = project.layout.isObject() ? project.layout.find(c.name) : nullptr;
        QPointF p;
        if (entry && readPoint(*entry, &p)) {
            positions.insert(c.id, p);
            bottom = std::max(bottom, p.y() + NodeMetrics::heightFor(c));
        }
    }
    if (positions.size() == qsizetype(project.coroutines.size()))
        return positions;
    const QHash<ItemId, QPointF> automatic = autoLayout(project);
    const QPointF offset(0, positions.isEmpty() ? 0 : bottom + 80);
    for (const Coroutine &c : project.coroutines) {
        if (!positions.contains(c.id))
            positions.insert(c.id, automatic.value(c.id) + offset);
    }
    return positions;
}

}  // namespace

Document::Document(QObject *parent)
    : QObject(parent)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (!m_forcedModified)
            emit modifiedChanged(!clean);
    });
    m_project = starterProject();
    m_positions = positionsFor(m_project);
    m_problems = validateProject(m_project);
}

QString Document::displayName() const
{
    if (!m_fileName.isEmpty())
        return QFileInfo(m_fileName).fileName();
    if (!m_project.title.isEmpty())
        return m_project.title;
    return tr("Untitled");
}

Project Document::starterProject()
{
    Project project;
    project.coroutines.push_back(NewItems::coroutine(project));
    project.assignIds();
    return project;
}

void Document::newProject()
{
    replace(starterProject(), QString(), QString(), false);
}

bool Document::loadFile(const QString &fileName, Problems *problems)
{
    QFile file(fileName);
    const QString shown = QDir::toNativeSeparators(fileName);
    auto fail = [&](const QString &message) {
        Problem p;
        p.message = message;
        if (problems)
            *problems = {p};
        return false;
    };
    if (!QFileInfo(fileName).isFile())
        return fail(tr("There is no file \"%1\". It may have been moved or deleted.").arg(shown));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot open \"%1\": %2").arg(shown, file.errorString()));
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(tr("Cannot read \"%1\": %2").arg(shown, file.errorString()));
    return loadData(data, QFileInfo(fileName).absoluteFilePath(), QString(), false, problems);
}

bool Document::loadData(
    const QByteArray &data, const QString &fileName, const QString &suggestedName, bool modified, Problems *problems)
{
    Project project;
    Problems found;
    // Only the structure has to be sound: semantic problems are what the editor shows and
    // lets the user fix.
    if (!loadProjectStructure(data, &project, &found)) {
        if (problems)
            *problems = std::move(found);
        return false;
    }
    replace(std::move(project), fileName, suggestedName, modified);
    return true;
}

void Document::importProject(Project project, const QString &suggestedName)
{
    replace(std::move(project), QString(), suggestedName, true);
}

bool Document::saveFile(const QString &fileName, QString *error)
{
    Project saved = projectForSave();
    if (!saveProjectFile(saved, fileName, error))
        return false;
    // What is on disk now is the layout too.
    m_project.layout = std::move(saved.layout);
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    const bool renamed = absolute != m_fileName;
    m_fileName = absolute;
    m_suggestedName.clear();
    setForcedModified(false);
    m_undo.setClean();
    if (renamed)
        emit fileNameChanged(m_fileName);
    return true;
}

Project Document::projectForSave() const
{
    Project p = m_project;
    std::vector<JsonValue::Member> members;
    QStringList placed;
    auto pointFor = [this](const Coroutine &c, JsonValue base) {
        const QPointF pos = m_positions.value(c.id);
        base.set(QStringLiteral("x"), JsonValue::integer(std::llround(pos.x())));
        base.set(QStringLiteral("y"), JsonValue::integer(std::llround(pos.y())));
        return base;
    };
    // Keep the order and any other editor data of the layout as it was read; drop positions of
    // coroutines that no longer exist.
    if (m_project.layout.isObject()) {
        for (const JsonValue::Member &m : m_project.layout.members()) {
            if (const Coroutine *c = m_project.findCoroutine(m.first)) {
                if (!placed.contains(c->name)) {
                    members.emplace_back(m.first, pointFor(*c, m.second.isObject() ? m.second : JsonValue::object()));
                    placed << c->name;
                }
            } else if (!isPositionEntry(m.second)) {
                members.push_back(m);
            }
        }
    }
    for (const Coroutine &c : m_project.coroutines) {
        if (!placed.contains(c.name) && m_positions.contains(c.id)) {
            members.emplace_back(c.name, pointFor(c, JsonValue::object()));
            placed << c.name;
        }
    }
    p.layout = members.empty() && m_project.layout.isNull() ? JsonValue() : JsonValue::object(std::move(members));
    return p;
}

QHash<ItemId, QPointF> Document::autoLayoutPositions() const
{
    return autoLayout(m_project);
}

void Document::modelChanged()
{
    m_problems = validateProject(m_project);
    emit changed();
}

void Document::replace(Project project, const QString &fileName, const QString &suggestedName, bool modified)
{
    m_undo.clear();
    m_project = std::move(project);
    m_project.assignIds();
    m_positions = positionsFor(m_project);
    const bool renamed = fileName != m_fileName;
    m_fileName = fileName;
    m_suggestedName = suggestedName;
    m_undo.setClean();
    setForcedModified(modified);
    m_problems = validateProject(m_project);
    emit projectReplaced();
    emit changed();
    if (renamed)
        emit fileNameChanged(m_fileName);
    emit modifiedChanged(isModified());
}

void Document::setForcedModified(bool modified)
{
    if (m_forcedModified == modified)
        return;
    m_forcedModified = modified;
    emit modifiedChanged(isModified());
}

}  // namespace tusk
