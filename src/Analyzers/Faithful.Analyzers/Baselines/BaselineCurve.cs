using System.Collections.Immutable;

namespace Faithful.Analyzers.Baselines;

/// <summary>One model's measured scores at one program length, from a <c>faithful.baseline/1</c> file.</summary>
internal readonly record struct MeasuredLength(int Length, int Cases, double FirstAnswerAccuracy, double StepFaithfulness);

/// <summary>A model's measured curve: the scores by program length.</summary>
internal sealed record BaselineCurve(string Model, ImmutableArray<MeasuredLength> ByLength)
{
    public const string FormatVersion = "faithful.baseline/1";

    /// <summary>
    /// Reads the <c>models[].byLength</c> part of a baseline written by <c>faithful bless</c>.
    /// Never throws: on a malformed file, returns null and says what is wrong.
    /// </summary>
    public static ImmutableArray<BaselineCurve>? Read(string json, out string? error)
    {
        if (TinyJson.Parse(json, out error) is not Dictionary<string, object?> root)
        {
            error ??= "the baseline is not a JSON object";
            return null;
        }

        if (!root.TryGetValue("format", out var format) || format as string != FormatVersion)
        {
            error = "not a " + FormatVersion + " baseline (format '" + (format as string) + "')";
            return null;
        }

        if (!root.TryGetValue("models", out var models) || models is not List<object?> modelList)
        {
            error = "the baseline has no 'models' array";
            return null;
        }

        var curves = ImmutableArray.CreateBuilder<BaselineCurve>();
        foreach (var item in modelList)
        {
            if (item is not Dictionary<string, object?> model || model.TryGetValue("model", out var name) is false || name is not string modelName
                || !model.TryGetValue("byLength", out var byLength) || byLength is not List<object?> lengths)
            {
                error = "every model needs a 'model' name and a 'byLength' array";
                return null;
            }

            var points = ImmutableArray.CreateBuilder<MeasuredLength>();
            foreach (var entry in lengths)
            {
                if (entry is not Dictionary<string, object?> point
                    || Number(point, "length") is not { } length
                    || Number(point, "stepFaithfulness") is not { } faithfulness
                    || Number(point, "firstAnswerAccuracy") is not { } accuracy)
                {
                    error = "model '" + modelName + "' has a byLength entry without length, stepFaithfulness and firstAnswerAccuracy";
                    return null;
                }

                points.Add(new MeasuredLength((int)length, (int)(Number(point, "cases") ?? 0), accuracy, faithfulness));
            }

            curves.Add(new BaselineCurve(modelName, points.ToImmutable()));
        }

        return curves.ToImmutable();
    }

    private static double? Number(Dictionary<string, object?> entry, string key) =>
        entry.TryGetValue(key, out var value) && value is double number && !double.IsNaN(number) ? number : null;

    /// <summary>The shortest measured length whose score falls below <paramref name="threshold"/>, with that score.</summary>
    public MeasuredLength? FirstBelow(double threshold, bool useAccuracy)
    {
        MeasuredLength? first = null;
        foreach (var point in ByLength)
        {
            var score = useAccuracy ? point.FirstAnswerAccuracy : point.StepFaithfulness;
            if (point.Cases > 0 && score < threshold && (first is null || point.Length < first.Value.Length))
            {
                first = point;
            }
        }

        return first;
    }
}
