#pragma once

namespace tusk {

/// Python 3.11 identifier characters (XID_Start / XID_Continue, with Other_ID_Start and
/// Other_ID_Continue), from Unicode categories: Qt 6.4 and CPython 3.11 share Unicode 14.0.
bool isIdentifierStart(char32_t c);
bool isIdentifierContinue(char32_t c);

}  // namespace tusk
