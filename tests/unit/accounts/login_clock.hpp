// What the login tests share: the start of their clock and a limit that lets one through.
#pragma once

#include <chrono>

#include "shield/rate_limit.hpp"

namespace rempart::accounts::login_clock {

using namespace std::chrono_literals;

inline const shield::Clock::time_point t0 = shield::Clock::time_point{} + 1000h;
inline const shield::RateDecision allowed{true, 0s};

}  // namespace rempart::accounts::login_clock
