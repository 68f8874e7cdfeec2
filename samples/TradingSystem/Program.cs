// One service of the simulated trading system. Configuration comes the way it comes to any service: config/logging.yaml,
// logging.{Environment}.yaml and TRADINGLOG_* environment variables (tradelog demo sets them for its children).
//
//   TradingLog.Samples.TradingSystem <service> --ports name=port,... [--run ID] [--summary-file FILE]
using TradingSystem;

try
{
    return await TradingService.RunAsync(SampleArguments.Parse(args));
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("TradingSystem: " + e.Message);
    return 2;
}
