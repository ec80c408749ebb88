// Must not compile: wijknet/src.hpp without WIJKNET_SEPARATE_COMPILATION would define every body
// a second time next to the header-only ones (tests/CMakeLists.txt checks the message).
#include "wijknet/src.hpp"
