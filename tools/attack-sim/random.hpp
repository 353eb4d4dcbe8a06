// A seeded random source whose draws are the same on every platform, so a plan is
// reproducible from its seed (std:: distributions differ between standard libraries).
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace rempart::attack {

class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed ^ 0x9e3779b97f4a7c15ULL) {}

    // splitmix64: small, fast, and good enough for test traffic.
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // In [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // In [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    // In [low, high].
    double between(double low, double high) { return low + (high - low) * unit(); }
    bool chance(double probability) { return unit() < probability; }
    double exponential(double mean) { return -mean * std::log(1.0 - unit()); }

    template <class T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }
    // An index drawn with the given weights (any positive scale).
    std::size_t weighted(std::span<const double> weights) {
        double total = 0;
        for (const double w : weights) total += w;
        double left = unit() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (left < weights[i]) return i;
            left -= weights[i];
        }
        return weights.size() - 1;
    }

  private:
    std::uint64_t state_;
};

}  // namespace rempart::attack
