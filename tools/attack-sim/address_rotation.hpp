// Which of the botnet's addresses sends the next request: each in turn, none sooner after
// its last request than the per-IP guard allows, none while it rests after a 429. Pure: the
// time comes from the caller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace rempart::attack {

class AddressRotation {
  public:
    AddressRotation(std::size_t addresses, double min_gap_s);

    // The address for a request at `now_s`, or none when the next one in turn is not ready
    // and the few after the resting ones are not either: a slot the botnet lets go rather
    // than cross the limit.
    std::optional<std::size_t> next(double now_s);
    // The server said 429: this address sends nothing until `until_s`.
    void rest(std::size_t address, double until_s);
    bool resting(std::size_t address, double now_s) const { return rest_until_[address] > now_s; }
    std::size_t size() const { return last_sent_.size(); }

  private:
    // Resting addresses skipped at most this many times for one slot, so that a botnet
    // mostly told to wait costs bounded work a slot.
    static constexpr std::size_t max_skips = 64;
    double min_gap_s_;
    std::vector<double> last_sent_;
    std::vector<double> rest_until_;
    std::size_t cursor_ = 0;
};

}  // namespace rempart::attack
