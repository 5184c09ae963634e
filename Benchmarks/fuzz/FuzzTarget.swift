// libFuzzer entry point for the one store reader (StoreReader, over LearningJSON's JSONReader)
// and the CSV reader. Built by Benchmarks/fuzz.sh,
// never by SwiftPM. The first byte chooses the reader: even bytes feed the store reader, odd bytes
// the CSV reader and the agency-return import.
import LearningModel
import LearningStore

let returnsStore: Tracker = {
  var tracker = DefaultCatalogues.newTracker(partnershipName: "Fuzz")
  tracker.agencies = [Agency(id: "la", name: "Council", kind: .localAuthority, statutoryPartner: true)]
  tracker.reviews = [
    Review(
      id: "R-1", title: "Child A", kind: .lcspr,
      recommendations: [
        Recommendation(
          id: "R1", text: "x", agencies: ["la"], response: .accepted,
          actions: [Action(id: "1.1", description: "d", owner: "la", due: CalendarDay(dayNumber: 20_000))])
      ])
  ]
  return tracker
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
  guard let selector = bytes.first else { return 0 }
  let body = Array(bytes.dropFirst())
  if selector % 2 == 0 {
    if let loaded = try? StoreReader.decode(bytes: body, file: "fuzz.json") {
      // What was read is written back by the one writer and must read again to the same store.
      if let bytes = try? StoreWriter.encode(loaded.tracker),
        (try? StoreReader.decode(bytes: bytes, file: "fuzz.json"))?.tracker != loaded.tracker
      {
        fatalError("a store read and written back reads differently")
      }
      _ = Validator(today: CalendarDay(dayNumber: 20_000)).validate(loaded.tracker)
      for placed in loaded.tracker.placedActions { _ = placed.action.state(asOf: CalendarDay(dayNumber: 20_000), settings: loaded.tracker.partnership.settings) }
    }
  } else {
    let text = String(decoding: body, as: UTF8.self)
    _ = try? CSVReader.read(text)
    _ = AgencyReturnImport.plan(text, tracker: returnsStore, date: CalendarDay(dayNumber: 20_000), by: "fuzz")
  }
  return 0
}
