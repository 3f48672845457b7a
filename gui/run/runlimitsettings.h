#pragma once

#include "runlimits.h"

namespace tusk {

/// The run limits the user chose in Preferences (QSettings `runLimits/...`), or the engine's
/// defaults where nothing was chosen. The next run applies them; a running one keeps its own.
RunLimits savedRunLimits();
void saveRunLimits(const RunLimits &limits);

}  // namespace tusk
