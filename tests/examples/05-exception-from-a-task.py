import asyncio

_T0 = None


def _now():
    return asyncio.get_running_loop().time() - _T0


async def fragile(seconds, message):
    print(f"[{_now():.1f}s] fragile: working for {seconds} s")
    await asyncio.sleep(seconds)
    raise ValueError(message)


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(fragile(1, "sensor returned garbage"), name="fragile")
    print(f"[{_now():.1f}s] main: task created")
    await asyncio.sleep(0.5)
    print(f"[{_now():.1f}s] main: t.done() = {t.done()}")
    try:
        await t
        print(f"main: this line is never printed")
    except ValueError as e:
        print(f"[{_now():.1f}s] main: caught {e!r}")
    print(f"[{_now():.1f}s] main: t.done() = {t.done()}, t.cancelled() = {t.cancelled()}")


asyncio.run(main())
