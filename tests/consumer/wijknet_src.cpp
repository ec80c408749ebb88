// The one file of the program that compiles wijknet's readers, writers and diagnostics
// (separate compilation: every file is built with WIJKNET_SEPARATE_COMPILATION).
#include <wijknet/src.hpp>
