import Dispatch
import Foundation
import Testing
@testable import NoteParser

/// `Leftovers` holds a run's values until `releaseInBackground`, then frees them on another thread
/// (a site build hands its report back without waiting for its notes to be freed).
@Suite struct LeftoversTests {
    /// When and where the witness was freed.
    final class Outcome: @unchecked Sendable {
        let freed = DispatchSemaphore(value: 0)
        var onAnotherThread = false
    }

    /// Records, when freed, whether that happened on a thread other than the one that made it.
    final class Witness {
        let maker = pthread_self()
        let outcome: Outcome
        init(_ outcome: Outcome) { self.outcome = outcome }
        deinit {
            outcome.onAnotherThread = pthread_equal(pthread_self(), maker) == 0
            outcome.freed.signal()
        }
    }

    @Test func freesTheValuesOnAnotherThread() {
        let outcome = Outcome()
        let leftovers = Leftovers([Witness(outcome)])
        #expect(outcome.freed.wait(timeout: .now() + 0.05) == .timedOut, "freed before it was released")
        leftovers.releaseInBackground()
        #expect(outcome.freed.wait(timeout: .now() + 10) == .success)
        #expect(outcome.onAnotherThread)
    }
}
