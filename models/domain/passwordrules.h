#pragma once

namespace knotie {

// A new password needs at least this many Unicode code points (API.md v1.1,
// `weak_password`). The gateway enforces it; the portal says so before sending.
inline constexpr int minimumPasswordLength = 12;

} // namespace knotie
