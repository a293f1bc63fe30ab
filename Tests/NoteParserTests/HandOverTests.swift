import Dispatch
import Testing
@testable import NoteParser

/// `handedOver` returns the value its work hands over as soon as it is handed over, while the
/// work goes on (a site build frees what it made after handing back its report).
@Suite struct HandOverTests {
    /// What the work saw after handing its value over.
    final class Trace: @unchecked Sendable {
        let callerReturned = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        var sawCallerReturn = false
    }

    @Test func returnsBeforeTheWorkEnds() {
        let trace = Trace()
        let value: [Int] = handedOver { deliver in
            deliver(Array(1...5))
            // Only a caller that got the value back already can signal this.
            trace.sawCallerReturn = trace.callerReturned.wait(timeout: .now() + 10) == .success
            trace.finished.signal()
        }
        #expect(value == [1, 2, 3, 4, 5])
        trace.callerReturned.signal()
        trace.finished.wait()
        #expect(trace.sawCallerReturn)
    }
}
