// Must not compile: wijknet/src.hpp after another wijknet header, whose bodies were already left
// out of this file (tests/CMakeLists.txt checks the message). Built with
// WIJKNET_SEPARATE_COMPILATION.
#include "wijknet/io/json.hpp"
#include "wijknet/src.hpp"
