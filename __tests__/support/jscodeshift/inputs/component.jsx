import React from 'react';

export const List = function (props) {
  return (
    <ul>
      {props.items.map(function (item) {
        return <li key={item.id}>{item.name}</li>;
      })}
    </ul>
  );
};
