#include "printobserver.h"

namespace tusk {

namespace {
void writeLine(std::FILE *f, const QString &text, bool newline = true)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), f);
    if (newline)
        std::fputc('\n', f);
}
}  // namespace

void PrintObserver::onRunEvent(const RunEvent &event)
{
    switch (event.kind) {
    case RunEvent::Kind::Printed:
        writeLine(m_out, event.text, event.other != RunEvent::kUnfinishedLine);
        break;
    case RunEvent::Kind::Warning:
    case RunEvent::Kind::Error:
        std::fflush(m_out);  // keep stdout and stderr in the order things happened
        writeLine(m_err, event.text);
        std::fflush(m_err);
        break;
    default:
        break;
    }
}

}  // namespace tusk
