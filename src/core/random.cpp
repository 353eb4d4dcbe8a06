// Unpredictable tokens from libsodium, and cheap unique ids for requests.
#include "core/random.hpp"

#include <sodium.h>

#include <array>
#include <atomic>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace rempart {
namespace {

void ensure_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
    });
}

constexpr char base32[] = "abcdefghijkmnpqrstuvwxyz23456789";

// Random bytes fetched from the kernel a few kilobytes at a time, each thread its own: one
// getrandom call for every token was a fiftieth of a signing request's time. What is handed
// out is wiped from the pool, so it keeps only bytes nobody has seen yet.
void random_bytes(unsigned char* out, std::size_t count) {
    constexpr std::size_t pool_size = 4096;
    thread_local std::array<unsigned char, pool_size> pool;
    thread_local std::size_t left = 0;
    if (count > pool_size / 4) {
        randombytes_buf(out, count);
        return;
    }
    if (left < count) {
        randombytes_buf(pool.data(), pool.size());
        left = pool.size();
    }
    unsigned char* from = pool.data() + (pool.size() - left);
    std::memcpy(out, from, count);
    sodium_memzero(from, count);
    left -= count;
}

}  // namespace

std::string random_token(std::size_t bytes) {
    // libsodium declares its buffers non-null, and an empty vector's data() is null.
    if (bytes == 0) return {};
    ensure_sodium();
    std::vector<unsigned char> raw(bytes);
    random_bytes(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    // The raw bytes are the secret as much as the text is: leave no copy in freed memory.
    sodium_memzero(raw.data(), raw.size());
    out.resize(out.find('\0'));
    return out;
}

std::string request_id() {
    // A random prefix per process and a counter: unique here, unlikely to collide across
    // restarts, and no system call per request.
    static const std::uint64_t prefix = [] {
        ensure_sodium();
        std::uint64_t value = 0;
        randombytes_buf(&value, sizeof value);
        return value;
    }();
    static std::atomic<std::uint64_t> counter{0};
    std::uint64_t value =
        prefix ^ (counter.fetch_add(1, std::memory_order_relaxed) * 0x9E3779B97F4A7C15ull);
    std::string id(12, 'a');
    for (auto& c : id) {
        c = base32[value & 31];
        value >>= 5;
    }
    return id;
}

}  // namespace rempart
