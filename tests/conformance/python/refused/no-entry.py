import asyncio


async def main():
    await asyncio.sleep(1)
    print("never printed: nothing runs main()")
