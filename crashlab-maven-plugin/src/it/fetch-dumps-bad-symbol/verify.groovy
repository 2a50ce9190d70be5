def log = new File(basedir, 'build.log').text
assert log.contains('Binance symbol "BTC-USDT": expected Binance\'s spelling, such as BTCUSDT')
assert !new File(basedir, 'data/cache').exists() : 'nothing is downloaded or written for a bad symbol'
