"""The one way a Pilot test waits for the app: let it process messages, wait for its workers
(checks, renders, imports, index builds run in workers), and let it redraw. ``rounds`` > 1 for
walks where a finished worker starts another (a search that first builds the index)."""


async def settle(app, pilot, rounds: int = 1) -> None:
    for _ in range(rounds):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()
