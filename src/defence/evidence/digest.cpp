// The SHA-256 that lets anyone check an evidence file was not changed after its export.
#include <openssl/evp.h>

#include <stdexcept>

#include "defence/evidence/export.hpp"

namespace rempart::defence::evidence {

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");  // OpenSSL broken: not an expected failure
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    text.reserve(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 0x0F];
    }
    return text;
}

}  // namespace rempart::defence::evidence
