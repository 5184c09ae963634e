#if canImport(Glibc)
  import Glibc
#endif

/// The memory a read store leaves behind.
public enum StoreMemory {
  /// Hands the memory freed since the store was read (its many small records) back to the
  /// system, so that what is made next (a large report) does not come on top of it. The C
  /// library otherwise keeps freed small allocations for reuse, and they count in the peak.
  public static func returnFreedMemory() {
    #if canImport(Glibc)
      // glibc's malloc_trim, looked up by name: the C library module does not declare it.
      typealias Trim = @convention(c) (Int) -> Int32
      guard let symbol = dlsym(nil, "malloc_trim") else { return }
      _ = unsafeBitCast(symbol, to: Trim.self)(0)
    #endif
  }
}
