// libstdc++'s checked members (std::string_view::substr, std::array::at, ...) call
// std::__throw_* helpers even under -fno-exceptions. The library's versions call
// abort(), which drags in signal handling, malloc and syscalls the firmware link does
// not have. A firmware defines them itself: a broken bound is a bug, so trap (the
// fault handler reports it and exits with status 99 under qemu).
#include <cstddef>

namespace std {
[[noreturn]] void __throw_out_of_range_fmt(const char*, ...) { __builtin_trap(); }
[[noreturn]] void __throw_out_of_range(const char*) { __builtin_trap(); }
[[noreturn]] void __throw_length_error(const char*) { __builtin_trap(); }
[[noreturn]] void __throw_logic_error(const char*) { __builtin_trap(); }
}  // namespace std
