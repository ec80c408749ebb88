// Shared by the C++ tests: EXPECT_THROW_WITH.
#pragma once

#include <gtest/gtest.h>

#include <string>

// Expects `stmt` to throw E with a message containing `fragment`.
#define EXPECT_THROW_WITH(stmt, E, fragment)                                                   \
    do {                                                                                       \
        try {                                                                                  \
            stmt;                                                                              \
            ADD_FAILURE() << "no exception from: " #stmt;                                      \
        } catch (const E& e) {                                                                 \
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();    \
        }                                                                                      \
    } while (0)
