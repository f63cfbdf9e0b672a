import type { ReactNode } from "react";

export interface Choice<V extends string> {
  value: V;
  title: string;
  description: ReactNode;
}

/** A radio group drawn as cards: one fieldset, one legend, a title and explanation per choice. */
export function ChoiceGroup<V extends string>(props: {
  /** The fieldset's id, so the error summary can link to the group. */
  id?: string;
  name: string;
  legend: string;
  choices: ReadonlyArray<Choice<V>>;
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset className="choice-group" id={props.id} tabIndex={props.id ? -1 : undefined}>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label
          key={choice.value}
          className={`choice ${props.value === choice.value ? "choice-selected" : ""}`}
        >
          <input
            type="radio"
            name={props.name}
            value={choice.value}
            checked={props.value === choice.value}
            onChange={() => props.onChange(choice.value)}
          />
          <span className="choice-title">{choice.title}</span>
          <span className="choice-description">{choice.description}</span>
        </label>
      ))}
    </fieldset>
  );
}
