// Open-loop pacing: request k is due k / rate seconds after the start, whatever the server
// answers and however long it takes, as a botnet's clock does not wait for its victim.
#pragma once

#include <cstdint>

namespace rempart::attack {

class Pacing {
  public:
    Pacing(double rate, double duration_s);

    // Requests due from the start up to `elapsed_s` (never more than the total).
    std::uint64_t due_by(double elapsed_s) const;
    // When request `k` is due, in seconds from the start.
    double due_at(std::uint64_t k) const;
    std::uint64_t total() const { return total_; }
    double rate() const { return rate_; }

  private:
    double rate_;
    std::uint64_t total_;
};

// How long the pacer may sleep before its next look: until the next request is due, but
// at least `min_s` (a timer cannot wake more finely) and at most `max_s`.
double next_wake_s(const Pacing& pacing, std::uint64_t sent, double elapsed_s, double min_s = 0.001,
                   double max_s = 0.05);

}  // namespace rempart::attack
