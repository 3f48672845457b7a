#pragma once

#include <QObject>
#include <QStringList>

namespace tusk {

/// The files opened or saved last, newest first, kept in the settings.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFiles(QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    void add(const QString &fileName);
    void remove(const QString &fileName);
    void clear();

signals:
    void changed();

private:
    void save();
    QStringList m_files;
};

}  // namespace tusk
