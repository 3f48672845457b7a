#pragma once

#include "runevents.h"

#include <cstdio>

namespace tusk {

/// Writes a run's output as the Python program would: prints to stdout, warnings and the
/// final error line to stderr (UTF-8).
class PrintObserver final : public RunObserver {
public:
    PrintObserver(std::FILE *out, std::FILE *err)
        : m_out(out)
        , m_err(err)
    {
    }
    void onRunEvent(const RunEvent &event) override;

private:
    std::FILE *m_out;
    std::FILE *m_err;
};

}  // namespace tusk
