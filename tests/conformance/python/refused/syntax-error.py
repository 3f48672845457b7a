import asyncio

async def main():
    print("unclosed"
    await asyncio.sleep(1)

asyncio.run(main())
