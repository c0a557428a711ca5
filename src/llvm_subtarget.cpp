// What LLVM knows about a target triple, for validating descriptors
// (src/target.rs): the triple's components, and the CPU and feature names
// of its subtarget. LLVM's C API has no way to list these, so this is a
// few lines of C++ against the same LLVM that llvm-sys links.
//
// One entry point; results go to a callback so no memory crosses the
// language boundary.

#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/TargetParser/Triple.h"

#include <memory>
#include <string>

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

extern "C" {

// What `mgen_llvm_describe_triple` reports.
enum MgenLlvmItem {
  MGEN_LLVM_ERROR = 0,        // a: LLVM's message (no target for the triple)
  MGEN_LLVM_NORMALIZED = 1,   // a: the normalized triple
  MGEN_LLVM_UNKNOWN_PART = 2, // a: "os" / "environment", b: its text
  MGEN_LLVM_CPU = 3,          // a: a CPU name
  MGEN_LLVM_FEATURE = 4,      // a: a feature name, b: its description
};

typedef void (*mgen_llvm_item_fn)(void *ctx, int kind, const char *a,
                                  const char *b);

// Describe `triple` (NUL-terminated) through `item`. The LLVM targets must
// be initialized (LLVM_InitializeAll* or the per-target functions).
// Returns 0 when LLVM has a target for the triple, 1 otherwise.
int mgen_llvm_describe_triple(const char *triple, mgen_llvm_item_fn item,
                              void *ctx) {
  std::string normalized = llvm::Triple::normalize(triple);
  item(ctx, MGEN_LLVM_NORMALIZED, normalized.c_str(), "");
  llvm::Triple t(normalized);

  // A component LLVM does not recognize is silently "unknown"; the words
  // "unknown" and "none" (and an absent component) are deliberate.
  auto deliberate = [](llvm::StringRef s) {
    return s.empty() || s == "unknown" || s == "none";
  };
  if (t.getOS() == llvm::Triple::UnknownOS && !deliberate(t.getOSName()))
    item(ctx, MGEN_LLVM_UNKNOWN_PART, "os", t.getOSName().str().c_str());
  if (t.getEnvironment() == llvm::Triple::UnknownEnvironment &&
      !deliberate(t.getEnvironmentName()))
    item(ctx, MGEN_LLVM_UNKNOWN_PART, "environment",
         t.getEnvironmentName().str().c_str());

  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(normalized, error);
  if (!target) {
    item(ctx, MGEN_LLVM_ERROR, error.c_str(), "");
    return 1;
  }
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      target->createMCSubtargetInfo(normalized, "", ""));
  if (!sti) {
    item(ctx, MGEN_LLVM_ERROR, "LLVM has no subtarget information for it",
         "");
    return 1;
  }
  for (const llvm::SubtargetSubTypeKV &cpu : sti->getAllProcessorDescriptions())
    item(ctx, MGEN_LLVM_CPU, cpu.Key, "");
  for (const llvm::SubtargetFeatureKV &f : sti->getAllProcessorFeatures())
    item(ctx, MGEN_LLVM_FEATURE, f.Key, f.Desc);
  return 0;
}

// Whether LLVM accepts `cpu` for `triple` although it is not in the CPU
// table: some targets map names to table entries before looking them up
// (AArch64's aliases such as apple-m1, RISC-V's "generic"). Creating the
// subtarget is the only way to ask, and for a name LLVM does not know it
// prints a warning, so stderr points at /dev/null meanwhile (this runs
// only for names not in the table). Returns 1 if accepted.
int mgen_llvm_cpu_accepted(const char *triple, const char *cpu) {
  std::string normalized = llvm::Triple::normalize(triple);
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(normalized, error);
  if (!target)
    return 0;
#ifndef _WIN32
  int saved = dup(2);
  int null = open("/dev/null", O_WRONLY);
  if (saved >= 0 && null >= 0)
    dup2(null, 2);
#endif
  std::unique_ptr<llvm::MCSubtargetInfo> sti(
      target->createMCSubtargetInfo(normalized, cpu, ""));
#ifndef _WIN32
  if (saved >= 0 && null >= 0)
    dup2(saved, 2);
  if (saved >= 0)
    close(saved);
  if (null >= 0)
    close(null);
#endif
  if (!sti)
    return 0;
  llvm::StringRef used = sti->getCPU();
  return !used.empty() && used != cpu && sti->isCPUStringValid(used);
}

} // extern "C"
